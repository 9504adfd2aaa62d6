import NIOCore
import Testing
import WSProtocol

@Suite("Incremental HTTP/1.1 response-head parser")
struct HandshakeResponseParserTests {
    static let frameBytes: [UInt8] = [0x81, 0x02, 0x68, 0x69, 0x89, 0x00]
    static let head = HandshakeFixtures.switching(["X-Served-By: target-a", "set-cookie: a=1", "Set-Cookie: b=2"])

    private func check(_ head: UpgradeResponseHead) {
        #expect(head.version == "HTTP/1.1")
        #expect(head.status == 101)
        #expect(head.reason == "Switching Protocols")
        #expect(
            head.headers.fields.map(\.name) == [
                "Upgrade", "Connection", "Sec-WebSocket-Accept", "X-Served-By", "set-cookie", "Set-Cookie",
            ]
        )
        #expect(head.headers["x-served-by"] == "target-a")
        #expect(head.headers["SEC-WEBSOCKET-ACCEPT"] == HandshakeFixtures.sampleAccept)
        #expect(head.headers.values(named: "Set-Cookie") == ["a=1", "b=2"])
        #expect(head.headers.combinedValue(named: "set-cookie") == "a=1, b=2")
    }

    @Test("a head split at every byte position parses the same and leaves the frame bytes that follow it")
    func everySplitPoint() throws {
        let all = Array(Self.head.utf8) + Self.frameBytes
        let headLength = Self.head.utf8.count
        for split in 0...all.count {
            var parser = UpgradeResponseParser()
            var buffer = ByteBuffer(bytes: all[0..<split])
            let early = try parser.parse(&buffer)
            if split < headLength {
                #expect(early == nil, "split \(split)")
                #expect(buffer.readableBytes == split, "nothing is consumed before the head is complete")
                buffer.writeBytes(all[split...])
                let head = try #require(try parser.parse(&buffer), "split \(split)")
                self.check(head)
            } else {
                let head = try #require(early, "split \(split)")
                self.check(head)
                buffer.writeBytes(all[split...])
            }
            #expect(Array(buffer.readableBytesView) == Self.frameBytes, "split \(split)")
        }
    }

    @Test("a head fed one byte at a time parses once, at its last byte")
    func oneByteAtATime() throws {
        let all = Array(Self.head.utf8) + Self.frameBytes
        var parser = UpgradeResponseParser()
        var buffer = ByteBuffer()
        var parsed: UpgradeResponseHead?
        var parsedAt: Int?
        for (index, byte) in all.enumerated() {
            buffer.writeInteger(byte)
            if parsed == nil, let head = try parser.parse(&buffer) {
                parsed = head
                parsedAt = index + 1
            }
        }
        self.check(try #require(parsed))
        #expect(parsedAt == Self.head.utf8.count)
        #expect(Array(buffer.readableBytesView) == Self.frameBytes)
    }

    @Test("a head of exactly the limit parses; one byte more fails with handshake.response-head-too-large")
    func headLimitBoundary() throws {
        let text = HandshakeFixtures.switching()
        let length = text.utf8.count
        var buffer = ByteBuffer(string: text)
        var atLimit = UpgradeResponseParser(headLimit: length)
        #expect(try atLimit.parse(&buffer) != nil)

        var overLimit = UpgradeResponseParser(headLimit: length - 1)
        buffer = ByteBuffer(string: text)
        let error = #expect(throws: HandshakeError.self) { _ = try overLimit.parse(&buffer) }
        #expect(error == .responseHeadTooLarge(limit: length - 1))
        #expect(error?.code == "handshake.response-head-too-large")
        #expect(error?.description.contains("\(length - 1) bytes") == true)
    }

    @Test("fed byte by byte, an endless head fails as soon as the limit is reached, not before")
    func headLimitIncremental() throws {
        var parser = UpgradeResponseParser(headLimit: 100)
        var buffer = ByteBuffer(string: "HTTP/1.1 200 OK\r\n")
        for count in buffer.readableBytes..<99 {
            #expect(try parser.parse(&buffer) == nil, "at \(count)")
            buffer.writeString("x")
        }
        #expect(buffer.readableBytes == 99)
        #expect(try parser.parse(&buffer) == nil)
        buffer.writeString("x")
        #expect(throws: HandshakeError.responseHeadTooLarge(limit: 100)) { _ = try parser.parse(&buffer) }
        #expect(UpgradeResponseParser.defaultHeadLimit == 16_384)
    }

    @Test("bare LF line ends, folded lines, an empty reason and whitespace around values are accepted")
    func lenientForms() throws {
        let text = "HTTP/1.1 101\nUpgrade:websocket  \nX-Long: part one\r\n\t part two\nConnection:  Upgrade\n\n"
        let (head, rest) = try HandshakeFixtures.parse(text)
        #expect(head.status == 101)
        #expect(head.reason == "")
        #expect(head.statusText == "101")
        #expect(head.headers["Upgrade"] == "websocket")
        #expect(head.headers["X-Long"] == "part one part two")
        #expect(head.headers["Connection"] == "Upgrade")
        #expect(rest.readableBytes == 0)
    }

    @Test("a reason phrase with spaces is kept whole")
    func reasonWithSpaces() throws {
        let (head, _) = try HandshakeFixtures.parse("HTTP/1.1 503 Service Temporarily Unavailable\r\n\r\n")
        #expect(head.status == 503)
        #expect(head.reason == "Service Temporarily Unavailable")
    }

    @Test(
        "heads that are not HTTP/1.1 fail with handshake.malformed-response",
        arguments: [
            "HTTP/1.1 abc OK\r\n\r\n",
            "HTTP/1.1 1011 Huh\r\n\r\n",
            "HTTP/1.1 099 Low\r\n\r\n",
            "FOO 101 Switching\r\n\r\n",
            "SSH-2.0-OpenSSH_9.6\r\n\r\n",
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade websocket\r\n\r\n",
            "HTTP/1.1 101 Switching Protocols\r\nBad Name: x\r\n\r\n",
            "HTTP/1.1 101 Switching Protocols\r\n : x\r\n\r\n",
            "\r\nHTTP/1.1 101 Switching Protocols\r\n\r\n",
        ]
    )
    func malformedHeads(text: String) {
        let error = #expect(throws: HandshakeError.self) { _ = try HandshakeFixtures.parse(text) }
        #expect(error?.code == "handshake.malformed-response")
        #expect(error?.description.hasPrefix("The server's answer is not a valid HTTP/1.1 response") == true)
    }
}
