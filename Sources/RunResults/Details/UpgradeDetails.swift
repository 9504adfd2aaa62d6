/// One upgrade exchange as seen on a sample connection: what was sent, what came back, and what was
/// negotiated (RFC 6455 §4.1, §4.2.2).
package struct UpgradeDetails: Sendable, Hashable, Codable {
    /// The request head wsprobe sent (sensitive header values redacted).
    package var request: HTTPHead?
    /// The server's 101 response head (sensitive header values redacted).
    package var response: HTTPHead?
    /// The subprotocol the server selected (`Sec-WebSocket-Protocol`), if any.
    package var subprotocol: String?
    /// The extensions the server accepted, with parameters.
    package var extensions: [NegotiatedExtension]
    /// The TLS session, for `wss://` targets.
    package var tls: TLSFacts?

    package init(
        request: HTTPHead? = nil,
        response: HTTPHead? = nil,
        subprotocol: String? = nil,
        extensions: [NegotiatedExtension] = [],
        tls: TLSFacts? = nil
    ) {
        self.request = request
        self.response = response
        self.subprotocol = subprotocol
        self.extensions = extensions
        self.tls = tls
    }
}
