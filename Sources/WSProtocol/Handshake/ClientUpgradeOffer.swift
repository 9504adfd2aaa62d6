/// A client's opening handshake that a server has checked (RFC 6455 §4.2.1): what it offers.
package struct ClientUpgradeOffer: Sendable, Equatable {
    /// The request as received.
    package var head: UpgradeRequestHead
    /// The `Sec-WebSocket-Key` (base64 of 16 bytes).
    package var key: String
    /// The offered subprotocols in the client's order of preference.
    package var subprotocols: [String]
    /// The offered extensions in the client's order of preference.
    package var extensions: [WebSocketExtension]

    /// Checks `head` by RFC 6455 §4.2.1, items 1-6 in order.
    /// - Throws: the `UpgradeRequestError` whose HTTP answer should be sent instead of 101.
    package init(validating head: UpgradeRequestHead) throws(UpgradeRequestError) {
        guard head.method == "GET" else {
            throw .methodNotAllowed(method: head.method)
        }
        guard let version = HTTPHeadReader.parseVersion(Substring(head.version)),
            version.major > 1 || (version.major == 1 && version.minor >= 1)
        else {
            throw .httpVersionUnsupported(version: head.version)
        }
        let headers = head.headers
        guard headers.contains("Host") else {
            throw .hostMissing
        }
        guard headers.listContains(named: "Upgrade", token: "websocket") else {
            throw .upgradeMissing(received: headers.combinedValue(named: "Upgrade"))
        }
        guard headers.listContains(named: "Connection", token: "upgrade") else {
            throw .connectionMissing(received: headers.combinedValue(named: "Connection"))
        }
        guard let key = headers.combinedValue(named: "Sec-WebSocket-Key") else {
            throw .keyMissing
        }
        guard AcceptKey.isValidKey(key) else {
            throw .keyInvalid(received: key)
        }
        guard let versions = headers.combinedValue(named: "Sec-WebSocket-Version") else {
            throw .versionMissing
        }
        guard versions.trimmingHTTPWhitespace() == "13" else {
            throw .versionUnsupported(received: versions)
        }
        let subprotocols = headers.listElements(named: "Sec-WebSocket-Protocol")
        if let bad = subprotocols.first(where: { !$0.isHTTPToken }) {
            throw .subprotocolsMalformed(received: String(bad))
        }
        var extensions: [WebSocketExtension] = []
        if let value = headers.combinedValue(named: "Sec-WebSocket-Extensions") {
            do {
                extensions = try ExtensionHeader.parse(value)
            } catch {
                throw .extensionsMalformed(received: value, reason: error.reason)
            }
        }
        self.head = head
        self.key = key
        self.subprotocols = subprotocols.map(String.init)
        self.extensions = extensions
    }

    /// The first subprotocol in the client's order that `supported` contains, or nil (RFC 6455 §4.2.2:
    /// the server selects one or none).
    package func selectSubprotocol(from supported: [String]) -> String? {
        self.subprotocols.first { supported.contains($0) }
    }
}
