import NIOCore
import Testing
import WSProtocol

/// Another method or `Upgrade` spelling, as routing rows send them to see how a load balancer treats them.
@Suite("Opening handshake request: method and Upgrade spelling")
struct HandshakeRequestMethodTests {
    static func head(method: String = "GET", upgrade: String = "websocket") throws -> String {
        let request = try UpgradeRequest(
            host: "example.com",
            port: 8080,
            isSecure: false,
            target: "/chat?room=1",
            headers: ["X-Trace": "1"],
            method: method,
            upgrade: upgrade,
            key: HandshakeFixtures.sampleKey
        )
        var buffer = ByteBuffer()
        request.write(into: &buffer)
        return buffer.readString(length: buffer.readableBytes) ?? ""
    }

    static func expected(requestLine: String, upgrade: String) -> String {
        requestLine + "\r\n"
            + "Host: example.com:8080\r\n"
            + "Upgrade: \(upgrade)\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + "X-Trace: 1\r\n"
            + "\r\n"
    }

    @Test("the request line reports the method actually sent, as every report shows it")
    func requestLine() throws {
        let request = try UpgradeRequest(
            host: "example.com",
            port: 8080,
            isSecure: false,
            target: "/chat?room=1",
            headers: [:],
            method: "POST",
            key: HandshakeFixtures.sampleKey
        )
        #expect(request.requestLine == "POST /chat?room=1 HTTP/1.1")
        var buffer = ByteBuffer()
        request.write(into: &buffer)
        #expect(buffer.readString(length: buffer.readableBytes)?.hasPrefix("POST /chat?room=1 HTTP/1.1\r\n") == true)
    }

    @Test("by default the request is GET with Upgrade: websocket (RFC 6455 §4.1)")
    func defaults() throws {
        #expect(try Self.head() == Self.expected(requestLine: "GET /chat?room=1 HTTP/1.1", upgrade: "websocket"))
    }

    @Test(
        "the method and the Upgrade value are written exactly as given",
        arguments: [
            ("POST", "websocket"), ("HEAD", "websocket"), ("GET", "WebSocket"), ("GET", "WEBSOCKET"),
            ("post", "websocket/13"), ("M-SEARCH", "h2c"),
        ]
    )
    func asWritten(method: String, upgrade: String) throws {
        let text = try Self.head(method: method, upgrade: upgrade)
        #expect(text == Self.expected(requestLine: "\(method) /chat?room=1 HTTP/1.1", upgrade: upgrade))
    }

    @Test(
        "a method that is not a token or an Upgrade value that is not a protocol is refused",
        arguments: [
            ("", "websocket"), ("PO ST", "websocket"), ("GET\r\nX: 1", "websocket"), ("GET/1", "websocket"),
            ("GET", ""), ("GET", "web socket"), ("GET", "websocket/"), ("GET", "websocket\r\nX: 1"), ("GET", "a/b/c"),
        ]
    )
    func refused(method: String, upgrade: String) {
        let error = #expect(throws: HandshakeError.self) { _ = try Self.head(method: method, upgrade: upgrade) }
        #expect(error?.code == "handshake.invalid-request")
        let names = method.isEmpty || method.contains(where: { " \r/".contains($0) }) ? "method" : "Upgrade value"
        #expect(error?.description.contains(names) == true, "\(String(describing: error))")
    }

    @Test("a 101 to a mixed-case Upgrade spelling is validated like any other")
    func mixedCaseUpgrades() throws {
        let request = try UpgradeRequest(
            host: "example.com",
            port: 80,
            isSecure: false,
            upgrade: "WebSocket",
            key: HandshakeFixtures.sampleKey
        )
        var handshake = ClientHandshake(request: request)
        var buffer = ByteBuffer(string: HandshakeFixtures.switching())
        guard case .upgraded = try handshake.receive(&buffer) else {
            Issue.record("not upgraded")
            return
        }
    }

    @Test("a permissive server's 101 to a POST is reported as an upgrade, not hidden")
    func permissiveServerUpgradesPost() throws {
        let request = try UpgradeRequest(
            host: "example.com",
            port: 80,
            isSecure: false,
            method: "POST",
            key: HandshakeFixtures.sampleKey
        )
        var handshake = ClientHandshake(request: request)
        var buffer = ByteBuffer(string: HandshakeFixtures.switching())
        guard case .upgraded = try handshake.receive(&buffer) else {
            Issue.record("not upgraded")
            return
        }
        #expect(handshake.responseHead?.status == 101)
    }

    @Test("the answer to HEAD has no body even with a Content-Length, so it completes at once (RFC 9112 §6.3)")
    func headAnswerHasNoBody() throws {
        let request = try UpgradeRequest(
            host: "example.com",
            port: 80,
            isSecure: false,
            method: "HEAD",
            key: HandshakeFixtures.sampleKey
        )
        var handshake = ClientHandshake(request: request)
        var buffer = ByteBuffer(
            string: HandshakeFixtures.response("HTTP/1.1 405 Method Not Allowed", ["Content-Length: 77"])
        )
        let error = #expect(throws: HandshakeError.self) { _ = try handshake.receive(&buffer) }
        #expect(error?.code == "handshake.status.client-error")
        #expect(buffer.readableBytes == 0)

        // The same answer to POST waits for its 77 bytes of body.
        var post = ClientHandshake(request: try HandshakeFixtures.request())
        var again = ByteBuffer(
            string: HandshakeFixtures.response("HTTP/1.1 405 Method Not Allowed", ["Content-Length: 77"])
        )
        #expect(try post.receive(&again) == .needMoreData)
    }
}
