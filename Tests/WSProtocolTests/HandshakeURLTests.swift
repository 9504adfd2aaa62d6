import Testing
import WSProtocol

@Suite("ws:// and wss:// URLs (RFC 6455 §3)")
struct HandshakeURLTests {
    @Test(
        "valid URLs give host, port, security and request target",
        arguments: [
            ("ws://example.com", false, "example.com", 80, "/"),
            ("wss://example.com", true, "example.com", 443, "/"),
            ("WSS://Example.com:8443/chat?room=1&x=%20", true, "Example.com", 8443, "/chat?room=1&x=%20"),
            ("ws://127.0.0.1:9001?agent=wsprobe", false, "127.0.0.1", 9001, "/?agent=wsprobe"),
            ("ws://[::1]:8080/echo", false, "::1", 8080, "/echo"),
            ("wss://[2001:db8::1]/", true, "2001:db8::1", 443, "/"),
        ]
    )
    func parses(text: String, secure: Bool, host: String, port: Int, target: String) throws {
        let url = try WebSocketURL(text)
        #expect(url.isSecure == secure)
        #expect(url.host == host)
        #expect(url.port == port)
        #expect(url.target == target)
        #expect(try WebSocketURL(url.text) == url)
    }

    @Test(
        "invalid URLs are refused with handshake.invalid-request and the reason",
        arguments: [
            ("http://example.com", "ws:// or wss://"),
            ("ws://example.com/#top", "fragment"),
            ("ws://user:pw@example.com/", "credentials"),
            ("ws:///path", "no host"),
            ("ws://example.com:0/", "1-65535"),
            ("ws://example.com:65536/", "1-65535"),
            ("ws://example.com:http/", "1-65535"),
            ("ws://[::1/", "unclosed"),
            ("ws://[::1]x/", "after its IPv6"),
            ("ws://a b.example/", "a space in its host"),
            ("ws://a\r\nX: y/", "control character U+000D in its host"),
            ("ws://exämple.com/", "'ä' in its host"),
            ("ws://example.com/a b", "a space in its path"),
            ("ws://example.com/?q=\n", "control character U+000A in its path"),
        ]
    )
    func refuses(text: String, mention: String) {
        let error = #expect(throws: HandshakeError.self) { _ = try WebSocketURL(text) }
        #expect(error?.code == "handshake.invalid-request")
        #expect(error?.description.contains(mention) == true, "\(String(describing: error))")
    }

    @Test("a request built from a URL carries its Host and target")
    func requestFromURL() throws {
        var generator = HandshakeSeededGenerator(state: 1)
        let request = try UpgradeRequest(url: try WebSocketURL("wss://[::1]:9443/a?b=c"), using: &generator)
        #expect(request.hostHeaderValue == "[::1]:9443")
        #expect(request.target == "/a?b=c")
        #expect(request.isSecure)
    }
}
