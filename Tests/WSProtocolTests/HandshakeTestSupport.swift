import NIOCore
import WSProtocol

/// A deterministic pseudo-random generator (SplitMix64) so request keys are reproducible in tests.
struct HandshakeSeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var value = self.state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

enum HandshakeFixtures {
    /// The RFC 6455 §1.3 sample key and its accept value.
    static let sampleKey = "dGhlIHNhbXBsZSBub25jZQ=="
    static let sampleAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="

    /// A request with the sample key offering `subprotocols` and `extensions`.
    static func request(
        subprotocols: [String] = [],
        extensions: [WebSocketExtension] = []
    ) throws(HandshakeError) -> UpgradeRequest {
        try UpgradeRequest(
            host: "example.com",
            port: 80,
            isSecure: false,
            target: "/chat",
            subprotocols: subprotocols,
            extensions: extensions,
            key: Self.sampleKey
        )
    }

    /// A response head text from a status line and header lines, CRLF-terminated, then `body`.
    static func response(_ statusLine: String, _ headers: [String], body: String = "") -> String {
        ([statusLine] + headers).map { $0 + "\r\n" }.joined() + "\r\n" + body
    }

    /// The standard valid 101 for the sample key plus `extra` header lines.
    static func switching(_ extra: [String] = []) -> String {
        Self.response(
            "HTTP/1.1 101 Switching Protocols",
            ["Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Accept: \(Self.sampleAccept)"] + extra
        )
    }

    /// Parses a complete response text and returns the head and what is left in the buffer.
    static func parse(_ text: String, headLimit: Int = 16_384) throws(HandshakeError) -> (
        UpgradeResponseHead, ByteBuffer
    ) {
        var parser = UpgradeResponseParser(headLimit: headLimit)
        var buffer = ByteBuffer(string: text)
        guard let head = try parser.parse(&buffer) else {
            throw .malformedResponse(reason: "test fixture incomplete")
        }
        return (head, buffer)
    }

    /// Parses a response text, collects its body excerpt, and validates it against `request`.
    static func validate(
        _ text: String,
        request: UpgradeRequest,
        requireSubprotocol: Bool = false
    ) throws(HandshakeError) -> NegotiatedUpgrade {
        var (head, rest) = try Self.parse(text)
        var excerpt = ResponseBodyExcerpt(head: head)
        if head.status != 101 {
            excerpt.consume(&rest)
            excerpt.transportClosed()
        }
        return try request.validate(head, bodyPrefix: excerpt.bytes, requireSubprotocol: requireSubprotocol)
    }
}
