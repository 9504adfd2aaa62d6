import WSProtocol

extension WebSocketURL {
    /// Parses a URL given by a user, wrapping the protocol layer's error as a usage error.
    /// - Throws: `ConnectError.invalidURL` naming what is wrong.
    package init(parsing text: String) throws(ConnectError) {
        do {
            try self.init(text)
        } catch {
            throw .invalidURL(text, reason: error.description)
        }
    }
}
