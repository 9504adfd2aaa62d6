/// The request line and header fields of an opening handshake, as a server receives it.
package struct UpgradeRequestHead: Sendable, Equatable {
    /// The method as sent, e.g. `GET`.
    package var method: String
    /// The request target as sent, e.g. `/chat?room=1`.
    package var target: String
    /// The protocol version as sent, e.g. `HTTP/1.1`.
    package var version: String
    /// The header fields in order, original case kept.
    package var headers: HTTPHeaderFields

    package init(method: String, target: String, version: String = "HTTP/1.1", headers: HTTPHeaderFields) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
    }
}
