import Testing
import WSProtocol

@Suite("Validation of the 101 answer (RFC 6455 §4.1)")
struct HandshakeValidationTests {
    static let deflateOffer = WebSocketExtension(
        name: "permessage-deflate",
        parameters: [.init(name: "client_max_window_bits")]
    )

    @Test("a correct 101 yields the chosen subprotocol, the accepted extensions and all headers")
    func validAnswer() throws {
        let request = try HandshakeFixtures.request(
            subprotocols: ["chat", "superchat"],
            extensions: [Self.deflateOffer]
        )
        let result = try HandshakeFixtures.validate(
            HandshakeFixtures.switching([
                "Sec-WebSocket-Protocol: superchat",
                "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=10",
                "X-Target: b",
            ]),
            request: request
        )
        #expect(result.subprotocol == "superchat")
        #expect(
            result.extensions == [
                WebSocketExtension(
                    name: "permessage-deflate",
                    parameters: [.init(name: "client_max_window_bits", value: "10")]
                )
            ]
        )
        #expect(result.headers["x-target"] == "b")
        #expect(result.head.status == 101)
    }

    @Test("Upgrade and Connection are compared case-insensitively and Connection may list other tokens")
    func caseInsensitive() throws {
        let text = HandshakeFixtures.response(
            "HTTP/1.1 101 Switching Protocols",
            [
                "UPGRADE: WebSocket", "connection: keep-alive, UPGRADE",
                "sec-websocket-accept: \(HandshakeFixtures.sampleAccept)",
            ]
        )
        let result = try HandshakeFixtures.validate(text, request: try HandshakeFixtures.request())
        #expect(result.subprotocol == nil)
        #expect(result.extensions.isEmpty)
    }

    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var response: String
        var subprotocols: [String] = []
        var extensions: [WebSocketExtension] = []
        var requireSubprotocol = false
        var code: String
        var mentions: [String]
        var testDescription: String { "\(self.code): \(self.name)" }
    }

    static let accept = "Sec-WebSocket-Accept: \(HandshakeFixtures.sampleAccept)"

    static let rows: [Row] = [
        Row(
            name: "wrong accept",
            response: HandshakeFixtures.response(
                "HTTP/1.1 101 Switching Protocols",
                ["Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA="]
            ),
            code: "handshake.accept-mismatch",
            mentions: ["AAAAAAAAAAAAAAAAAAAAAAAAAAA=", HandshakeFixtures.sampleAccept]
        ),
        Row(
            name: "accept missing",
            response: HandshakeFixtures.response(
                "HTTP/1.1 101 Switching Protocols",
                ["Upgrade: websocket", "Connection: Upgrade"]
            ),
            code: "handshake.accept-missing",
            mentions: ["without Sec-WebSocket-Accept", HandshakeFixtures.sampleAccept]
        ),
        Row(
            name: "Upgrade stripped",
            response: HandshakeFixtures.response("HTTP/1.1 101 Switching Protocols", ["Connection: Upgrade", accept]),
            code: "handshake.upgrade-missing",
            mentions: ["without an Upgrade header", "stripped"]
        ),
        Row(
            name: "Upgrade names another protocol",
            response: HandshakeFixtures.response(
                "HTTP/1.1 101 Switching Protocols",
                ["Upgrade: h2c", "Connection: Upgrade", accept]
            ),
            code: "handshake.upgrade-invalid",
            mentions: ["'Upgrade: h2c'"]
        ),
        Row(
            name: "Connection missing",
            response: HandshakeFixtures.response("HTTP/1.1 101 Switching Protocols", ["Upgrade: websocket", accept]),
            code: "handshake.connection-missing",
            mentions: ["without a Connection header"]
        ),
        Row(
            name: "Connection without the upgrade token",
            response: HandshakeFixtures.response(
                "HTTP/1.1 101 Switching Protocols",
                ["Upgrade: websocket", "Connection: keep-alive", accept]
            ),
            code: "handshake.connection-missing",
            mentions: ["'Connection: keep-alive'", "lacks the 'Upgrade' token"]
        ),
        Row(
            name: "subprotocol not offered",
            response: HandshakeFixtures.switching(["Sec-WebSocket-Protocol: graphql-ws"]),
            subprotocols: ["chat"],
            code: "handshake.subprotocol-not-offered",
            mentions: ["'graphql-ws'", "'chat'"]
        ),
        Row(
            name: "subprotocol when none was offered",
            response: HandshakeFixtures.switching(["Sec-WebSocket-Protocol: chat"]),
            code: "handshake.subprotocol-not-offered",
            mentions: ["'chat'", "none was offered"]
        ),
        Row(
            name: "two subprotocols chosen",
            response: HandshakeFixtures.switching(["Sec-WebSocket-Protocol: chat", "Sec-WebSocket-Protocol: superchat"]
            ),
            subprotocols: ["chat", "superchat"],
            code: "handshake.subprotocol-not-offered",
            mentions: ["'chat, superchat'"]
        ),
        Row(
            name: "required subprotocol not chosen",
            response: HandshakeFixtures.switching(),
            subprotocols: ["chat"],
            requireSubprotocol: true,
            code: "handshake.subprotocol-missing",
            mentions: ["'chat'", "required"]
        ),
        Row(
            name: "extension not offered",
            response: HandshakeFixtures.switching(["Sec-WebSocket-Extensions: permessage-deflate"]),
            code: "handshake.extension-not-offered",
            mentions: ["'permessage-deflate'", "none was offered"]
        ),
        Row(
            name: "another extension than the offered one",
            response: HandshakeFixtures.switching(["Sec-WebSocket-Extensions: x-webkit-deflate-frame"]),
            extensions: [deflateOffer],
            code: "handshake.extension-not-offered",
            mentions: ["'x-webkit-deflate-frame'", "'permessage-deflate'"]
        ),
        Row(
            name: "malformed extension header",
            response: HandshakeFixtures.switching(["Sec-WebSocket-Extensions: permessage-deflate; =10"]),
            extensions: [deflateOffer],
            code: "handshake.extension-header-malformed",
            mentions: ["permessage-deflate; =10", "parameter name"]
        ),
        Row(
            name: "101 over HTTP/1.0",
            response: HandshakeFixtures.response(
                "HTTP/1.0 101 Switching Protocols",
                ["Upgrade: websocket", "Connection: Upgrade", accept]
            ),
            code: "handshake.malformed-response",
            mentions: ["HTTP/1.0"]
        ),
    ]

    @Test("each broken rule gives its stable code and a description that names the cause", arguments: Self.rows)
    func brokenRules(row: Row) throws {
        let request = try HandshakeFixtures.request(subprotocols: row.subprotocols, extensions: row.extensions)
        let error = #expect(throws: HandshakeError.self) {
            _ = try HandshakeFixtures.validate(
                row.response,
                request: request,
                requireSubprotocol: row.requireSubprotocol
            )
        }
        #expect(error?.code == row.code)
        for mention in row.mentions {
            #expect(error?.description.contains(mention) == true, "'\(mention)' in \(String(describing: error))")
        }
        #expect(error?.statusClass == nil)
    }

    @Test("without the policy, a server may choose no subprotocol")
    func noSubprotocolIsFine() throws {
        let request = try HandshakeFixtures.request(subprotocols: ["chat"])
        #expect(try HandshakeFixtures.validate(HandshakeFixtures.switching(), request: request).subprotocol == nil)
    }
}
