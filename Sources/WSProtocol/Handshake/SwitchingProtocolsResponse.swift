package import NIOCore

/// The server's 101 answer that completes an opening handshake (RFC 6455 §4.2.2 item 5).
package struct SwitchingProtocolsResponse: Sendable, Equatable {
    /// The `Sec-WebSocket-Accept` value derived from the client's key.
    package var accept: String
    /// The chosen subprotocol, if any; it must be one the client offered.
    package var subprotocol: String?
    /// The accepted extensions with their response parameters.
    package var extensions: [WebSocketExtension]
    /// Extra header fields (e.g. a server identity header), written after the standard ones.
    package var headers: HTTPHeaderFields

    /// The answer to `offer`.
    package init(
        answering offer: ClientUpgradeOffer,
        subprotocol: String? = nil,
        extensions: [WebSocketExtension] = [],
        headers: HTTPHeaderFields = [:]
    ) {
        self.accept = AcceptKey.accept(for: offer.key)
        self.subprotocol = subprotocol
        self.extensions = extensions
        self.headers = headers
    }

    /// Every header field of the answer, in the order they are written.
    package var headerFields: HTTPHeaderFields {
        var fields: HTTPHeaderFields = [
            "Upgrade": "websocket",
            "Connection": "Upgrade",
            "Sec-WebSocket-Accept": self.accept,
        ]
        if let subprotocol = self.subprotocol {
            fields.append(name: "Sec-WebSocket-Protocol", value: subprotocol)
        }
        if !self.extensions.isEmpty {
            fields.append(name: "Sec-WebSocket-Extensions", value: ExtensionHeader.format(self.extensions))
        }
        for field in self.headers {
            fields.append(name: field.name, value: field.value)
        }
        return fields
    }

    /// Appends the response head to `buffer`.
    package func write(into buffer: inout ByteBuffer) {
        buffer.writeString("HTTP/1.1 101 Switching Protocols\r\n")
        for field in self.headerFields {
            buffer.writeString("\(field.name): \(field.value)\r\n")
        }
        buffer.writeString("\r\n")
    }
}
