import NIOCore
import Testing
import WSProtocol

@Suite("Non-101 answers: classification, codes and diagnoses")
struct HandshakeStatusTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var response: String
        var code: String
        var mentions: [String]
        var testDescription: String { self.code }
    }

    static let rows: [Row] = [
        Row(
            response: HandshakeFixtures.response(
                "HTTP/1.1 200 OK",
                ["Content-Type: text/html", "Content-Length: 52"],
                body: "<html><body><h1>Service healthy</h1></body></html>\n"
            ),
            code: "handshake.status.not-upgraded",
            mentions: [
                "Server answered 200 OK instead of 101", "the body starts with '<html><body><h1>Service healthy",
                "(a health page?)", "Upgrade/Connection headers were dropped",
            ]
        ),
        Row(
            response: HandshakeFixtures.response(
                "HTTP/1.1 301 Moved Permanently",
                ["Location: https://example.com/chat/", "Content-Length: 0"]
            ),
            code: "handshake.status.redirect",
            mentions: ["301 Moved Permanently", "to 'https://example.com/chat/'", "not followed"]
        ),
        Row(
            response: HandshakeFixtures.response(
                "HTTP/1.1 401 Unauthorized",
                ["WWW-Authenticate: Bearer realm=\"api\"", "Content-Length: 12"],
                body: "unauthorized"
            ),
            code: "handshake.status.unauthorized",
            mentions: ["401 Unauthorized", "credentials", "Bearer realm=\"api\"", "'unauthorized'"]
        ),
        Row(
            response: HandshakeFixtures.response("HTTP/1.1 403 Forbidden", ["Content-Length: 9"], body: "Forbidden"),
            code: "handshake.status.forbidden",
            mentions: ["403 Forbidden", "refused"]
        ),
        Row(
            response: HandshakeFixtures.response("HTTP/1.1 404 Not Found", ["Content-Length: 9"], body: "Not Found"),
            code: "handshake.status.not-found",
            mentions: ["404 Not Found", "forwarding rules"]
        ),
        Row(
            response: HandshakeFixtures.response(
                "HTTP/1.1 426 Upgrade Required",
                ["Sec-WebSocket-Version: 8, 7", "Content-Length: 0"]
            ),
            code: "handshake.status.upgrade-required",
            mentions: ["426 Upgrade Required", "Sec-WebSocket-Version 8, 7"]
        ),
        Row(
            response: HandshakeFixtures.response("HTTP/1.1 426 Upgrade Required", ["Content-Length: 0"]),
            code: "handshake.status.upgrade-required",
            mentions: ["named no Sec-WebSocket-Version"]
        ),
        Row(
            response: HandshakeFixtures.response(
                "HTTP/1.1 400 Bad Request",
                ["Content-Length: 34"],
                body: "Can \"Upgrade\" only to \"WebSocket\"."
            ),
            code: "handshake.status.client-error",
            mentions: ["400 Bad Request", "rejected the upgrade request", "Can \"Upgrade\" only"]
        ),
        Row(
            response: HandshakeFixtures.response(
                "HTTP/1.1 502 Bad Gateway",
                ["Server: awselb/2.0", "Content-Type: text/html", "Content-Length: 122"],
                body:
                    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n"
            ),
            code: "handshake.status.gateway-error",
            mentions: [
                "502 Bad Gateway instead of 101", "the load balancer/proxy could not reach a healthy target",
                "'<html> <head><title>502 Bad Gateway</title></head>",
            ]
        ),
        Row(
            response: HandshakeFixtures.response(
                "HTTP/1.1 503 Service Temporarily Unavailable",
                ["Transfer-Encoding: chunked"],
                body: "18\r\n<html>503 no healthy tar\r\n7\r\ngets</h\r\n0\r\n\r\n"
            ),
            code: "handshake.status.gateway-error",
            mentions: ["503 Service Temporarily Unavailable", "healthy target", "'<html>503 no healthy targets</h'"]
        ),
        Row(
            response: HandshakeFixtures.response("HTTP/1.1 504 Gateway Time-out", [], body: "upstream timed out"),
            code: "handshake.status.gateway-error",
            mentions: ["504 Gateway Time-out", "healthy target", "'upstream timed out'"]
        ),
        Row(
            response: HandshakeFixtures.response("HTTP/1.1 500 Internal Server Error", ["Content-Length: 0"]),
            code: "handshake.status.server-error",
            mentions: ["500 Internal Server Error", "failed"]
        ),
        Row(
            response: HandshakeFixtures.response("HTTP/1.1 100 Continue", []),
            code: "handshake.status.unexpected",
            mentions: ["100 Continue instead of 101"]
        ),
        Row(
            response: HandshakeFixtures.response("HTTP/1.1 204 No Content", []),
            code: "handshake.status.not-upgraded",
            mentions: ["204 No Content"]
        ),
    ]

    @Test("each status class has its code and a diagnosis quoting status, headers and body", arguments: Self.rows)
    func classified(row: Row) throws {
        let request = try HandshakeFixtures.request()
        let error = #expect(throws: HandshakeError.self) {
            _ = try HandshakeFixtures.validate(row.response, request: request)
        }
        #expect(error?.code == row.code)
        #expect(error?.statusClass?.code == row.code)
        for mention in row.mentions {
            #expect(error?.description.contains(mention) == true, "'\(mention)' in \(String(describing: error))")
        }
    }

    @Test("every status class code is under handshake.status and distinct")
    func codesDistinct() {
        let codes = HandshakeStatusClass.allCases.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.hasPrefix("handshake.status.") })
    }

    @Test("the error keeps the status, reason, headers and body prefix")
    func keepsValues() throws {
        let text = HandshakeFixtures.response(
            "HTTP/1.1 302 Found",
            ["Location: /login", "Content-Length: 5"],
            body: "hello"
        )
        let error = #expect(throws: HandshakeError.self) {
            _ = try HandshakeFixtures.validate(text, request: try HandshakeFixtures.request())
        }
        guard case .unexpectedStatus(let status, let reason, let headers, let body)? = error else {
            Issue.record("expected unexpectedStatus")
            return
        }
        #expect(status == 302)
        #expect(reason == "Found")
        #expect(headers["location"] == "/login")
        #expect(body == Array("hello".utf8))
    }
}

@Suite("Body excerpt of a non-101 answer")
struct HandshakeBodyExcerptTests {
    private func head(_ headers: HTTPHeaderFields, status: Int = 502) -> UpgradeResponseHead {
        UpgradeResponseHead(status: status, reason: "Bad Gateway", headers: headers)
    }

    @Test("Content-Length bounds the excerpt and bytes after the body stay in the buffer")
    func contentLength() {
        var excerpt = ResponseBodyExcerpt(head: self.head(["Content-Length": "5"]))
        var buffer = ByteBuffer(string: "hel")
        let done = excerpt.consume(&buffer)
        #expect(!done)
        buffer.writeString("loEXTRA")
        let finished = excerpt.consume(&buffer)
        #expect(finished)
        #expect(excerpt.bytes == Array("hello".utf8))
        #expect(buffer.readString(length: buffer.readableBytes) == "EXTRA")
    }

    @Test("chunked bodies are de-chunked across any split")
    func chunked() {
        let body = Array("4;ext=1\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\n\r\nNEXT".utf8)
        for split in 0...body.count {
            var excerpt = ResponseBodyExcerpt(head: self.head(["Transfer-Encoding": "chunked"]))
            var buffer = ByteBuffer(bytes: body[0..<split])
            excerpt.consume(&buffer)
            buffer.writeBytes(body[split...])
            let finished = excerpt.consume(&buffer)
            #expect(finished, "split \(split)")
            #expect(String(decoding: excerpt.bytes, as: UTF8.self) == "Wikipedia in\r\n\r\nchunks.", "split \(split)")
            #expect(buffer.readString(length: buffer.readableBytes) == "NEXT", "split \(split)")
        }
    }

    @Test("without framing the excerpt runs until the transport closes")
    func untilClose() {
        var excerpt = ResponseBodyExcerpt(head: self.head([:]))
        var buffer = ByteBuffer(string: "partial page")
        let done = excerpt.consume(&buffer)
        #expect(!done)
        excerpt.transportClosed()
        #expect(excerpt.isComplete)
        #expect(excerpt.bytes == Array("partial page".utf8))
    }

    @Test("the excerpt stops at its limit, exactly")
    func limit() {
        var excerpt = ResponseBodyExcerpt(head: self.head(["Content-Length": "100000"]), limit: 2048)
        var buffer = ByteBuffer(repeating: 0x61, count: 5000)
        let finished = excerpt.consume(&buffer)
        #expect(finished)
        #expect(excerpt.bytes.count == 2048)
        #expect(buffer.readableBytes == 5000 - 2048)
        #expect(ResponseBodyExcerpt.defaultLimit == 2048)
    }

    @Test("204 and 304 answers have no body")
    func noBody() {
        #expect(ResponseBodyExcerpt(head: self.head([:], status: 204)).isComplete)
        #expect(ResponseBodyExcerpt(head: self.head([:], status: 304)).isComplete)
        #expect(ResponseBodyExcerpt(head: self.head(["Content-Length": "0"])).isComplete)
    }
}

@Suite("Body excerpt bounds")
struct HandshakeBodyExcerptBoundTests {
    @Test("an endless chunk extension stops collection after a bounded number of bytes")
    func endlessChunkExtension() {
        let head = UpgradeResponseHead(status: 503, reason: "", headers: ["Transfer-Encoding": "chunked"])
        var excerpt = ResponseBodyExcerpt(head: head, limit: 100)
        var buffer = ByteBuffer(string: "5;" + String(repeating: "x", count: 10_000))
        let finished = excerpt.consume(&buffer)
        #expect(finished)
        #expect(buffer.readableBytes == 10_002 - (4 * 100 + 4096))
        #expect(excerpt.bytes.isEmpty)
    }
}
