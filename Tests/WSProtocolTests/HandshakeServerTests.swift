import NIOCore
import Testing
import WSProtocol

@Suite("Opening handshake, server role")
struct HandshakeServerTests {
    /// The RFC 6455 §1.3 sample request.
    static let sampleRequest =
        "GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: http://example.com\r\n"
        + "Sec-WebSocket-Protocol: chat, superchat\r\nSec-WebSocket-Version: 13\r\n\r\n"

    private func parse(_ text: String) throws(UpgradeRequestError) -> UpgradeRequestHead {
        var parser = UpgradeRequestParser()
        var buffer = ByteBuffer(string: text)
        guard let head = try parser.parse(&buffer) else { throw .malformed(reason: "fixture incomplete") }
        return head
    }

    @Test("the RFC 6455 §1.3 sample request is accepted and answered with its accept value")
    func sampleHandshake() throws {
        let offer = try ClientUpgradeOffer(validating: try self.parse(Self.sampleRequest))
        #expect(offer.key == HandshakeFixtures.sampleKey)
        #expect(offer.subprotocols == ["chat", "superchat"])
        #expect(offer.head.target == "/chat")
        #expect(offer.selectSubprotocol(from: ["superchat", "chat"]) == "chat")
        #expect(offer.selectSubprotocol(from: ["other"]) == nil)
        let response = SwitchingProtocolsResponse(
            answering: offer,
            subprotocol: "chat",
            headers: ["X-Served-By": "wsprobe-1"]
        )
        var buffer = ByteBuffer()
        response.write(into: &buffer)
        #expect(
            buffer.readString(length: buffer.readableBytes)
                == "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nSec-WebSocket-Protocol: chat\r\n"
                + "X-Served-By: wsprobe-1\r\n\r\n"
        )
    }

    @Test("our client's request, split anywhere, is accepted and our 101 passes our client's validation")
    func clientAndServerAgree() throws {
        var generator = HandshakeSeededGenerator(state: 7)
        let deflate = WebSocketExtension(
            name: "permessage-deflate",
            parameters: [.init(name: "client_max_window_bits")]
        )
        let request = try UpgradeRequest(
            host: "::1",
            port: 9001,
            isSecure: false,
            target: "/echo?x=1",
            subprotocols: ["v2.echo", "v1.echo"],
            extensions: [deflate],
            using: &generator
        )
        var requestBytes = ByteBuffer()
        request.write(into: &requestBytes)
        let all = Array(requestBytes.readableBytesView) + [0x81, 0x80]
        for split in 0...all.count {
            var parser = UpgradeRequestParser()
            var buffer = ByteBuffer(bytes: all[0..<split])
            var head = try parser.parse(&buffer)
            buffer.writeBytes(all[split...])
            if head == nil { head = try parser.parse(&buffer) }
            let parsed = try #require(head, "split \(split)")
            #expect(Array(buffer.readableBytesView) == [0x81, 0x80], "split \(split)")
            let offer = try ClientUpgradeOffer(validating: parsed)
            #expect(offer.extensions == [deflate])
            #expect(parsed.headers["host"] == "[::1]:9001")
            let answer = SwitchingProtocolsResponse(
                answering: offer,
                subprotocol: offer.selectSubprotocol(from: ["v1.echo", "v2.echo"]),
                extensions: [WebSocketExtension(name: "permessage-deflate")]
            )
            var responseBytes = ByteBuffer()
            answer.write(into: &responseBytes)
            var responseParser = UpgradeResponseParser()
            let responseHead = try #require(try responseParser.parse(&responseBytes))
            let negotiated = try request.validate(responseHead)
            #expect(negotiated.subprotocol == "v2.echo")
            #expect(negotiated.extensions == [WebSocketExtension(name: "permessage-deflate")])
        }
    }

    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var request: String
        var code: String
        var status: Int
        var mention: String
        var testDescription: String { "\(self.code): \(self.name)" }
    }

    static func request(_ lines: [String], method: String = "GET", version: String = "HTTP/1.1") -> String {
        "\(method) /chat \(version)\r\n" + lines.map { $0 + "\r\n" }.joined() + "\r\n"
    }

    static let good = [
        "Host: h", "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
        "Sec-WebSocket-Version: 13",
    ]

    static func without(_ prefix: String, adding extra: [String] = []) -> [String] {
        Self.good.filter { !$0.hasPrefix(prefix) } + extra
    }

    static let rows: [Row] = [
        Row(
            name: "POST",
            request: request(good, method: "POST"),
            code: "handshake.request.method",
            status: 405,
            mention: "POST"
        ),
        Row(
            name: "HTTP/1.0",
            request: request(good, version: "HTTP/1.0"),
            code: "handshake.request.http-version",
            status: 400,
            mention: "HTTP/1.0"
        ),
        Row(
            name: "no Host",
            request: request(without("Host")),
            code: "handshake.request.host-missing",
            status: 400,
            mention: "Host"
        ),
        Row(
            name: "no Upgrade",
            request: request(without("Upgrade")),
            code: "handshake.request.upgrade-missing",
            status: 426,
            mention: "no 'Upgrade: websocket'"
        ),
        Row(
            name: "Upgrade: h2c",
            request: request(without("Upgrade", adding: ["Upgrade: h2c"])),
            code: "handshake.request.upgrade-missing",
            status: 426,
            mention: "'h2c'"
        ),
        Row(
            name: "Connection: keep-alive",
            request: request(without("Connection", adding: ["Connection: keep-alive"])),
            code: "handshake.request.connection-missing",
            status: 426,
            mention: "'keep-alive'"
        ),
        Row(
            name: "no key",
            request: request(without("Sec-WebSocket-Key")),
            code: "handshake.request.key-missing",
            status: 400,
            mention: "Sec-WebSocket-Key"
        ),
        Row(
            name: "key of 15 bytes",
            request: request(without("Sec-WebSocket-Key", adding: ["Sec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAA"])),
            code: "handshake.request.key-invalid",
            status: 400,
            mention: "AAAAAAAAAAAAAAAAAAAA"
        ),
        Row(
            name: "no version",
            request: request(without("Sec-WebSocket-Version")),
            code: "handshake.request.version-missing",
            status: 400,
            mention: "speaks 13"
        ),
        Row(
            name: "version 8",
            request: request(without("Sec-WebSocket-Version", adding: ["Sec-WebSocket-Version: 8"])),
            code: "handshake.request.version-unsupported",
            status: 426,
            mention: "Sec-WebSocket-Version 8"
        ),
        Row(
            name: "subprotocol not a token",
            request: request(good + ["Sec-WebSocket-Protocol: chat, a/b"]),
            code: "handshake.request.subprotocols-malformed",
            status: 400,
            mention: "'a/b'"
        ),
        Row(
            name: "malformed extensions",
            request: request(good + ["Sec-WebSocket-Extensions: permessage-deflate; =1"]),
            code: "handshake.request.extensions-malformed",
            status: 400,
            mention: "permessage-deflate; =1"
        ),
    ]

    @Test(
        "requests that break RFC 6455 §4.2.1 are refused with the right code, status and answer",
        arguments: Self.rows
    )
    func refused(row: Row) throws {
        let head = try self.parse(row.request)
        let error = #expect(throws: UpgradeRequestError.self) { _ = try ClientUpgradeOffer(validating: head) }
        #expect(error?.code == row.code)
        #expect(error?.status.code == row.status)
        #expect(error?.description.contains(row.mention) == true, "\(String(describing: error))")
        guard let error else { return }
        // The HTTP answer parses as a response with that status and carries the diagnosis as its body.
        var buffer = ByteBuffer()
        error.writeResponse(into: &buffer, extraHeaders: ["X-Served-By": "wsprobe-1"])
        var parser = UpgradeResponseParser()
        let response = try #require(try parser.parse(&buffer))
        #expect(response.status == row.status)
        #expect(response.headers["Connection"] == "close")
        #expect(response.headers["X-Served-By"] == "wsprobe-1")
        #expect(response.headers["Content-Length"] == "\(buffer.readableBytes)")
        #expect(buffer.readString(length: buffer.readableBytes) == error.description + "\n")
        if row.status == 426 {
            #expect(response.headers["Sec-WebSocket-Version"] == "13")
        }
    }

    @Test("an oversized request head is refused with 431; a malformed one with 400")
    func headErrors() {
        var parser = UpgradeRequestParser(headLimit: 64)
        var buffer = ByteBuffer(string: "GET / HTTP/1.1\r\nCookie: " + String(repeating: "a", count: 100))
        let error = #expect(throws: UpgradeRequestError.self) { _ = try parser.parse(&buffer) }
        #expect(error == .headTooLarge(limit: 64))
        #expect(error?.status.code == 431)
        #expect(error?.code == "handshake.request.head-too-large")

        let malformed = #expect(throws: UpgradeRequestError.self) { _ = try self.parse("GET /\r\n\r\n") }
        #expect(malformed?.code == "handshake.request.malformed")
        #expect(malformed?.status.code == 400)
    }
}
