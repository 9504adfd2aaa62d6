extension UpgradeRequest {
    /// Checks the server's answer to this request by RFC 6455 §4.1 and returns what was agreed.
    ///
    /// Permessage-deflate parameters are checked afterwards by `WSDeflate` from `extensions`.
    /// - Parameters:
    ///   - head: the parsed response head.
    ///   - bodyPrefix: for a non-101 answer, the start of its body (see `ResponseBodyExcerpt`).
    ///   - requireSubprotocol: fail with `.subprotocolMissing` when subprotocols were offered and none
    ///     was chosen (RFC 6455 lets the server choose none; some applications cannot work without one).
    /// - Throws: the `HandshakeError` for the first rule the answer breaks.
    package func validate(
        _ head: UpgradeResponseHead,
        bodyPrefix: [UInt8] = [],
        requireSubprotocol: Bool = false
    ) throws(HandshakeError) -> NegotiatedUpgrade {
        guard head.status == 101 else {
            throw .unexpectedStatus(head, bodyPrefix: bodyPrefix)
        }
        guard head.version == "HTTP/1.1" else {
            throw .malformedResponse(reason: "a 101 answer must be HTTP/1.1, not '\(head.version)'")
        }
        let headers = head.headers
        // RFC 6455 §4.1, the client's checks of the server's handshake, items 2-6 in order.
        guard let upgrade = headers.combinedValue(named: "Upgrade") else {
            throw .upgradeMissing
        }
        guard upgrade.trimmingHTTPWhitespace().equalsIgnoringASCIICase("websocket") else {
            throw .upgradeInvalid(received: upgrade)
        }
        guard headers.listContains(named: "Connection", token: "upgrade") else {
            throw .connectionMissing(received: headers.combinedValue(named: "Connection"))
        }
        let expected = self.expectedAccept
        guard let accept = headers.combinedValue(named: "Sec-WebSocket-Accept") else {
            throw .acceptMissing(expected: expected)
        }
        guard accept == expected else {
            throw .acceptMismatch(expected: expected, received: accept)
        }
        let extensions = try self.acceptedExtensions(headers)
        let subprotocol = try self.chosenSubprotocol(headers, required: requireSubprotocol)
        return NegotiatedUpgrade(subprotocol: subprotocol, extensions: extensions, head: head)
    }

    /// RFC 6455 §4.1 item 5: every accepted extension must have been offered.
    private func acceptedExtensions(_ headers: HTTPHeaderFields) throws(HandshakeError) -> [WebSocketExtension] {
        guard let value = headers.combinedValue(named: "Sec-WebSocket-Extensions") else { return [] }
        let accepted: [WebSocketExtension]
        do {
            accepted = try ExtensionHeader.parse(value)
        } catch {
            throw .extensionHeaderMalformed(value: value, reason: error.reason)
        }
        let offered = self.extensions.map(\.name)
        for element in accepted where !offered.contains(where: { $0.equalsIgnoringASCIICase(element.name) }) {
            throw .extensionNotOffered(name: element.name, offered: Self.unique(offered))
        }
        return accepted
    }

    /// RFC 6455 §4.1 item 6: the chosen subprotocol must be one that was offered.
    private func chosenSubprotocol(_ headers: HTTPHeaderFields, required: Bool) throws(HandshakeError) -> String? {
        guard let value = headers.combinedValue(named: "Sec-WebSocket-Protocol") else {
            if required, !self.subprotocols.isEmpty {
                throw .subprotocolMissing(offered: self.subprotocols)
            }
            return nil
        }
        let chosen = String(value.trimmingHTTPWhitespace())
        guard self.subprotocols.contains(chosen) else {
            throw .subprotocolNotOffered(received: chosen, offered: self.subprotocols)
        }
        return chosen
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0.lowercased()).inserted }
    }
}
