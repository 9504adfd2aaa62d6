import NIOCore
import Testing
import WSProtocol

@Suite("Opening handshake request (client role)")
struct HandshakeRequestTests {
    @Test("the accept value for the RFC 6455 §1.3 sample key is s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    func rfcAcceptVector() {
        #expect(AcceptKey.accept(for: "dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }

    @Test("the request head has the request line, the fields in a fixed order and custom headers last")
    func requestBytes() throws {
        let request = try UpgradeRequest(
            host: "example.com",
            port: 8080,
            isSecure: false,
            target: "/chat?room=1",
            origin: "https://example.com",
            headers: ["X-Trace": "1", "Cookie": "a=b"],
            subprotocols: ["chat", "superchat"],
            extensions: [
                WebSocketExtension(name: "permessage-deflate", parameters: [.init(name: "client_max_window_bits")])
            ],
            key: HandshakeFixtures.sampleKey
        )
        var buffer = ByteBuffer()
        request.write(into: &buffer)
        let expected =
            "GET /chat?room=1 HTTP/1.1\r\n"
            + "Host: example.com:8080\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + "Origin: https://example.com\r\n"
            + "Sec-WebSocket-Protocol: chat, superchat\r\n"
            + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
            + "X-Trace: 1\r\n"
            + "Cookie: a=b\r\n"
            + "\r\n"
        #expect(buffer.readString(length: buffer.readableBytes) == expected)
        #expect(request.expectedAccept == HandshakeFixtures.sampleAccept)
    }

    @Test(
        "Host carries the port only when it is not the scheme's default",
        arguments: [
            ("example.com", false, 80, "example.com"),
            ("example.com", false, 443, "example.com:443"),
            ("example.com", true, 443, "example.com"),
            ("example.com", true, 80, "example.com:80"),
            ("example.com", false, 8080, "example.com:8080"),
            ("::1", false, 8080, "[::1]:8080"),
            ("[::1]", true, 443, "[::1]"),
            ("127.0.0.1", true, 9443, "127.0.0.1:9443"),
        ]
    )
    func hostPortRules(host: String, secure: Bool, port: Int, expected: String) throws {
        let request = try UpgradeRequest(host: host, port: port, isSecure: secure, key: HandshakeFixtures.sampleKey)
        #expect(request.hostHeaderValue == expected)
        #expect(request.headerFields["host"] == expected)
    }

    @Test("the key is base64 of 16 bytes from the injected generator, fresh on every draw")
    func keyFromSeededGenerator() throws {
        var first = HandshakeSeededGenerator(state: 42)
        var second = HandshakeSeededGenerator(state: 42)
        let a = try UpgradeRequest(host: "h", port: 80, isSecure: false, using: &first)
        let b = try UpgradeRequest(host: "h", port: 80, isSecure: false, using: &second)
        #expect(a.key == b.key)
        #expect(a.key.utf8.count == 24)
        #expect(AcceptKey.isValidKey(a.key))
        let c = try UpgradeRequest(host: "h", port: 80, isSecure: false, using: &first)
        #expect(c.key != a.key)
        // The 16 bytes are the generator's two words, big-endian.
        var reference = HandshakeSeededGenerator(state: 42)
        let words = [reference.next(), reference.next()]
        let expected = words.flatMap { word in
            stride(from: 56, through: 0, by: -8).map { UInt8(truncatingIfNeeded: word >> UInt64($0)) }
        }
        #expect(AcceptKey.makeKey(using: &second) != a.key)
        var again = HandshakeSeededGenerator(state: 42)
        #expect(AcceptKey.makeKey(using: &again) == a.key)
        #expect(a.key == Self.base64(expected))
    }

    @Test("a custom Host or Origin replaces the generated one in place")
    func customHostReplaces() throws {
        let request = try UpgradeRequest(
            host: "10.0.0.5",
            port: 8080,
            isSecure: false,
            origin: "https://a.example",
            headers: ["X-First": "1", "host": "api.example.com", "Origin": "https://b.example"],
            key: HandshakeFixtures.sampleKey
        )
        let fields = request.headerFields.fields
        #expect(fields[0] == .init(name: "Host", value: "api.example.com"))
        #expect(request.headerFields.values(named: "Host") == ["api.example.com"])
        #expect(request.headerFields.values(named: "Origin") == ["https://b.example"])
        #expect(fields.last == .init(name: "X-First", value: "1"))
    }

    struct InvalidInput: Sendable, CustomTestStringConvertible {
        var name: String
        var host = "h"
        var port = 80
        var target = "/"
        var headers: HTTPHeaderFields = [:]
        var subprotocols: [String] = []
        var key = HandshakeFixtures.sampleKey
        var testDescription: String { self.name }
    }

    @Test(
        "values that cannot appear in a request head are refused with handshake.invalid-request",
        arguments: [
            InvalidInput(name: "header value with CRLF", headers: ["X": "a\r\nEvil: 1"]),
            InvalidInput(name: "header name with a space", headers: ["X Y": "1"]),
            InvalidInput(name: "subprotocol that is not a token", subprotocols: ["a b"]),
            InvalidInput(name: "port zero", port: 0),
            InvalidInput(name: "port above 65535", port: 70_000),
            InvalidInput(name: "path with a space", target: "/a b"),
            InvalidInput(name: "path without a leading slash", target: "chat"),
            InvalidInput(name: "empty host", host: ""),
            InvalidInput(name: "host with a slash", host: "a/b"),
            InvalidInput(name: "key of 15 bytes", key: "AAAAAAAAAAAAAAAAAAAA"),
        ]
    )
    func invalidInputs(input: InvalidInput) {
        let error = #expect(throws: HandshakeError.self) {
            _ = try UpgradeRequest(
                host: input.host,
                port: input.port,
                isSecure: false,
                target: input.target,
                headers: input.headers,
                subprotocols: input.subprotocols,
                key: input.key
            )
        }
        #expect(error?.code == "handshake.invalid-request")
        #expect(error?.description.hasPrefix("The upgrade request cannot be built") == true)
    }

    private static func base64(_ bytes: [UInt8]) -> String {
        // Independent reference encoder for 16 bytes (no padding logic shared with Base64).
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var bits = ""
        for byte in bytes {
            let binary = String(byte, radix: 2)
            bits += String(repeating: "0", count: 8 - binary.count) + binary
        }
        bits += "0000"
        var text = ""
        var index = bits.startIndex
        while index < bits.endIndex {
            let next = bits.index(index, offsetBy: 6)
            text.append(alphabet[Int(bits[index..<next], radix: 2) ?? 0])
            index = next
        }
        return text + "=="
    }
}
