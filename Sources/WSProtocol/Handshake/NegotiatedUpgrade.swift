/// What a successful opening handshake agreed on.
package struct NegotiatedUpgrade: Sendable, Equatable {
    /// The subprotocol the server chose, if any (always one the client offered).
    package var subprotocol: String?
    /// The extensions the server accepted, with their parameters, in the server's order.
    package var extensions: [WebSocketExtension]
    /// The whole 101 response head, for reports and header checks.
    package var head: UpgradeResponseHead

    package init(subprotocol: String?, extensions: [WebSocketExtension], head: UpgradeResponseHead) {
        self.subprotocol = subprotocol
        self.extensions = extensions
        self.head = head
    }

    /// The response header fields, in order.
    package var headers: HTTPHeaderFields { self.head.headers }
}
