/// The status line and header fields of the server's answer to an upgrade request.
package struct UpgradeResponseHead: Sendable, Equatable {
    /// The protocol version as sent, e.g. `HTTP/1.1`.
    package var version: String
    /// The three-digit status code.
    package var status: Int
    /// The reason phrase as sent (possibly empty).
    package var reason: String
    /// The header fields in order, original case kept.
    package var headers: HTTPHeaderFields

    package init(version: String = "HTTP/1.1", status: Int, reason: String, headers: HTTPHeaderFields) {
        self.version = version
        self.status = status
        self.reason = reason
        self.headers = headers
    }

    /// The status line without its line ending, e.g. `101 Switching Protocols`.
    package var statusText: String {
        self.reason.isEmpty ? "\(self.status)" : "\(self.status) \(self.reason)"
    }
}
