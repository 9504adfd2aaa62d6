import NIOCore
import TestSupport
import Testing
import WSProtocol

@Suite("FrameEncoder")
struct FrameEncoderTests {
    /// Encodes a single-frame message.
    static func encode(
        _ opcode: Opcode,
        _ payload: [UInt8],
        role: EndpointRole,
        seed: UInt64 = 1
    ) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        var output = ByteBuffer()
        FrameEncoder(role: role).writeFrame(
            opcode: opcode,
            payload: ByteBuffer(bytes: payload),
            into: &output,
            using: &random
        )
        return output.bytes
    }

    @Test("writes the RFC 6455 §5.7 unmasked \"Hello\" as a server")
    func unmaskedHello() {
        #expect(Self.encode(.text, Array("Hello".utf8), role: .server) == [UInt8](hex: "81 05 48 65 6c 6c 6f"))
    }

    @Test("writes the RFC 6455 §5.7 masked \"Hello\" as a client with key 37 fa 21 3d")
    func maskedHello() {
        var random = FixedRandom(0x37FA_213D)
        var output = ByteBuffer()
        FrameEncoder(role: .client).writeFrame(
            opcode: .text,
            payload: ByteBuffer(string: "Hello"),
            into: &output,
            using: &random
        )
        #expect(output.bytes == [UInt8](hex: "81 85 37 fa 21 3d 7f 9f 4d 51 58"))
    }

    @Test("writes the RFC 6455 §5.7 fragmented \"Hel\" + \"lo\"")
    func fragmentedHello() {
        var random = SplitMix64(seed: 0)
        var output = ByteBuffer()
        FrameEncoder(role: .server).writeMessage(
            opcode: .text,
            payload: ByteBuffer(string: "Hello"),
            fragmentSize: 3,
            into: &output,
            using: &random
        )
        #expect(output.bytes == [UInt8](hex: "01 03 48 65 6c 80 02 6c 6f"))
    }

    @Test("writes the RFC 6455 §5.7 ping and the 256-byte and 64 KiB length forms")
    func lengthForms() {
        #expect(Self.encode(.ping, Array("Hello".utf8), role: .server) == [UInt8](hex: "89 05 48 65 6c 6c 6f"))
        #expect(Self.encode(.binary, pattern(256), role: .server) == [UInt8](hex: "82 7e 01 00") + pattern(256))
        #expect(
            Self.encode(.binary, pattern(65536), role: .server)
                == [UInt8](hex: "82 7f 00 00 00 00 00 01 00 00") + pattern(65536)
        )
    }

    @Test(
        "uses the shortest length encoding at each boundary",
        arguments: [(0, 2), (125, 2), (126, 4), (65535, 4), (65536, 10), (70000, 10)]
    )
    func shortestLength(length: Int, headerSize: Int) {
        let unmasked = Self.encode(.binary, pattern(length), role: .server)
        #expect(unmasked.count == headerSize + length)
        #expect(FrameHeader.encodedSize(payloadLength: length, masked: false) == headerSize)
        let masked = Self.encode(.binary, pattern(length), role: .client)
        #expect(masked.count == headerSize + 4 + length)
        #expect(masked[1] & 0x80 == 0x80)
        #expect(unmasked[1] & 0x80 == 0)
    }

    @Test(
        "round-trips every length form through the parser, masked and unmasked",
        arguments: [0, 1, 7, 8, 125, 126, 127, 65535, 65536, 100_000],
        [EndpointRole.client, .server]
    )
    func roundTrip(length: Int, sender: EndpointRole) throws {
        let payload = pattern(length)
        let wire = Self.encode(.binary, payload, role: sender, seed: UInt64(length))
        let receiver: EndpointRole = sender == .client ? .server : .client
        let events = parseAll(wire, role: receiver)
        let decoded = try #require(events.first)
        guard case .frame(let frame) = decoded else {
            Issue.record("expected a frame, got \(decoded)")
            return
        }
        #expect(events.count == 1)
        #expect(frame.payload.bytes == payload)
        #expect(frame.opcode == .binary)
        #expect((frame.maskingKey != nil) == (sender == .client))
    }

    @Test(
        "fragments a message into frames of N bytes with continuations and FIN on the last",
        arguments: [1, 2, 3, 5, 64, 125, 126, 1000, 4096, 5000]
    )
    func fragmentation(fragmentSize: Int) throws {
        let payload = pattern(4096)
        var random = SplitMix64(seed: 7)
        var output = ByteBuffer()
        let encoder = FrameEncoder(role: .client)
        encoder.writeMessage(
            opcode: .text,
            payload: ByteBuffer(bytes: payload),
            fragmentSize: fragmentSize,
            compressed: true,
            into: &output,
            using: &random
        )
        #expect(output.readableBytes == encoder.encodedSize(payloadLength: 4096, fragmentSize: fragmentSize))
        let events = parseAll(output.bytes, role: .server, allowedReservedBits: .rsv1)
        let frames = events.compactMap { event -> Frame? in
            if case .frame(let frame) = event { return frame }
            return nil
        }
        #expect(frames.count == events.count)
        #expect(frames.count == max(1, (4096 + fragmentSize - 1) / fragmentSize))
        for (index, frame) in frames.enumerated() {
            let isFirst = index == 0
            let isLast = index == frames.count - 1
            #expect(frame.opcode == (isFirst ? .text : .continuation))
            #expect(frame.fin == isLast)
            #expect(frame.reservedBits == (isFirst ? .rsv1 : []))
            #expect(frame.payload.readableBytes <= fragmentSize)
        }
        #expect(frames.flatMap { $0.payload.bytes } == payload)
        // Every frame has its own key.
        #expect(Set(frames.compactMap(\.maskingKey)).count == frames.count)
    }

    @Test("sends an empty message as one frame even when fragmenting")
    func emptyMessage() {
        var random = SplitMix64(seed: 1)
        var output = ByteBuffer()
        FrameEncoder(role: .server).writeMessage(
            opcode: .binary,
            payload: ByteBuffer(),
            fragmentSize: 10,
            into: &output,
            using: &random
        )
        #expect(output.bytes == [0x82, 0x00])
    }

    @Test("leaves the caller's payload unmasked")
    func doesNotTouchPayload() {
        let payload = ByteBuffer(string: "Hello")
        var random = SplitMix64(seed: 1)
        var output = ByteBuffer()
        FrameEncoder(role: .client).writeFrame(opcode: .text, payload: payload, into: &output, using: &random)
        #expect(String(buffer: payload) == "Hello")
    }

    @Test("draws a different masking key for each frame")
    func freshKeys() {
        var random = SplitMix64(seed: 99)
        var keys = Set<MaskingKey>()
        for _ in 0..<100 {
            keys.insert(MaskingKey(using: &random))
        }
        #expect(keys.count == 100)
    }
}
