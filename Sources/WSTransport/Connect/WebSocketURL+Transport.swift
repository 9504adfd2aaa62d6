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

    /// True when the host is an IPv4 or IPv6 literal: no DNS lookup and no SNI.
    package var hostIsIPLiteral: Bool {
        if self.host.contains(":") { return true }
        let parts = self.host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { UInt8($0) != nil }
    }
}
