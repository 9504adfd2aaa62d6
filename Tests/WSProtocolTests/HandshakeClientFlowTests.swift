import NIOCore
import Testing
import WSProtocol

@Suite("ClientHandshake: reading the answer as it arrives")
struct HandshakeClientFlowTests {
    @Test("a 101 followed by frames, split at every point, upgrades once and leaves the frames in the buffer")
    func upgradesAtEverySplit() throws {
        let all = Array(HandshakeFixtures.switching(["Sec-WebSocket-Protocol: chat"]).utf8) + [0x81, 0x01, 0x41]
        for split in 0...all.count {
            var handshake = ClientHandshake(request: try HandshakeFixtures.request(subprotocols: ["chat"]))
            var buffer = ByteBuffer(bytes: all[0..<split])
            var step = try handshake.receive(&buffer)
            if step == .needMoreData {
                buffer.writeBytes(all[split...])
                step = try handshake.receive(&buffer)
            } else {
                buffer.writeBytes(all[split...])
            }
            guard case .upgraded(let negotiated) = step else {
                Issue.record("split \(split): \(step)")
                continue
            }
            #expect(negotiated.subprotocol == "chat")
            #expect(handshake.responseHead?.status == 101)
            #expect(Array(buffer.readableBytesView) == [0x81, 0x01, 0x41], "split \(split)")
        }
    }

    @Test("a 502 page is read to its Content-Length before the error is thrown, across reads")
    func gatewayPageAcrossReads() throws {
        let body = "<html><body>502 Bad Gateway</body></html>"
        let text = HandshakeFixtures.response(
            "HTTP/1.1 502 Bad Gateway",
            ["Content-Length: \(body.utf8.count)"],
            body: body
        )
        var handshake = ClientHandshake(request: try HandshakeFixtures.request())
        var buffer = ByteBuffer(string: String(text.prefix(text.count - 10)))
        #expect(try handshake.receive(&buffer) == .needMoreData)
        buffer.writeString(String(text.suffix(10)))
        let error = #expect(throws: HandshakeError.self) { _ = try handshake.receive(&buffer) }
        #expect(error?.code == "handshake.status.gateway-error")
        #expect(
            error
                == .unexpectedStatus(
                    status: 502,
                    reason: "Bad Gateway",
                    headers: ["Content-Length": "\(body.utf8.count)"],
                    bodyPrefix: Array(body.utf8)
                )
        )
    }

    @Test("a body without framing is quoted when the transport closes")
    func bodyUntilClose() throws {
        var handshake = ClientHandshake(request: try HandshakeFixtures.request())
        var buffer = ByteBuffer(string: HandshakeFixtures.response("HTTP/1.1 200 OK", [], body: "<html>ok"))
        #expect(try handshake.receive(&buffer) == .needMoreData)
        let error = handshake.inputEnded(unparsed: buffer)
        #expect(error.code == "handshake.status.not-upgraded")
        #expect(error.description.contains("the body starts with '<html>ok'"))
    }

    @Test("a connection closed before or during the head is diagnosed, TLS bytes included")
    func closedBeforeHead() throws {
        var silent = ClientHandshake(request: try HandshakeFixtures.request())
        let none = silent.inputEnded(unparsed: ByteBuffer())
        #expect(none == .closedBeforeResponse(receivedBytes: 0, prefix: []))
        #expect(none.code == "handshake.closed-before-response")
        #expect(none.description.contains("without answering"))

        var partial = ClientHandshake(request: try HandshakeFixtures.request())
        var buffer = ByteBuffer(string: "HTTP/1.1 101 Switching")
        #expect(try partial.receive(&buffer) == .needMoreData)
        let cut = partial.inputEnded(unparsed: buffer)
        #expect(cut.description.contains("after 22 bytes"))
        #expect(cut.description.contains("'HTTP/1.1 101 Switching'"))

        var tls = ClientHandshake(request: try HandshakeFixtures.request())
        let alert = ByteBuffer(bytes: [0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46])
        #expect(tls.inputEnded(unparsed: alert).description.contains("use wss://"))
    }

    @Test("a bad 101 fails immediately and the head stays available for reports")
    func badUpgradeKeepsHead() throws {
        var handshake = ClientHandshake(request: try HandshakeFixtures.request())
        var buffer = ByteBuffer(
            string: HandshakeFixtures.response("HTTP/1.1 101 Switching Protocols", ["Connection: Upgrade"])
        )
        #expect(throws: HandshakeError.upgradeMissing) { _ = try handshake.receive(&buffer) }
        #expect(handshake.responseHead?.headers["Connection"] == "Upgrade")
    }
}
