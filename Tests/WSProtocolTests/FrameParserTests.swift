import NIOCore
import TestSupport
import Testing
import WSProtocol

@Suite("FrameParser")
struct FrameParserTests {
    struct Vector: CustomTestStringConvertible, Sendable {
        var name: String
        var role: EndpointRole
        var wire: [UInt8]
        var frames: [Frame]
        var testDescription: String { self.name }
    }

    static let rfcVectors: [Vector] = [
        Vector(
            name: "RFC 6455 §5.7 unmasked text \"Hello\"",
            role: .client,
            wire: [UInt8](hex: "81 05 48 65 6c 6c 6f"),
            frames: [frame(.text, Array("Hello".utf8))]
        ),
        Vector(
            name: "RFC 6455 §5.7 masked text \"Hello\"",
            role: .server,
            wire: [UInt8](hex: "81 85 37 fa 21 3d 7f 9f 4d 51 58"),
            frames: [frame(.text, Array("Hello".utf8), key: rfcKey)]
        ),
        Vector(
            name: "RFC 6455 §5.7 fragmented unmasked text \"Hel\" + \"lo\"",
            role: .client,
            wire: [UInt8](hex: "01 03 48 65 6c 80 02 6c 6f"),
            frames: [frame(.text, Array("Hel".utf8), fin: false), frame(.continuation, Array("lo".utf8))]
        ),
        Vector(
            name: "RFC 6455 §5.7 unmasked ping \"Hello\"",
            role: .client,
            wire: [UInt8](hex: "89 05 48 65 6c 6c 6f"),
            frames: [frame(.ping, Array("Hello".utf8))]
        ),
        Vector(
            name: "RFC 6455 §5.7 masked pong \"Hello\"",
            role: .server,
            wire: [UInt8](hex: "8a 85 37 fa 21 3d 7f 9f 4d 51 58"),
            frames: [frame(.pong, Array("Hello".utf8), key: rfcKey)]
        ),
        Vector(
            name: "RFC 6455 §5.7 256-byte binary (16-bit length)",
            role: .client,
            wire: [UInt8](hex: "82 7e 01 00") + pattern(256),
            frames: [frame(.binary, pattern(256))]
        ),
        Vector(
            name: "RFC 6455 §5.7 64 KiB binary (64-bit length)",
            role: .client,
            wire: [UInt8](hex: "82 7f 00 00 00 00 00 01 00 00") + pattern(65536),
            frames: [frame(.binary, pattern(65536))]
        ),
        Vector(
            name: "empty text frame",
            role: .client,
            wire: [UInt8](hex: "81 00"),
            frames: [frame(.text, [])]
        ),
        Vector(
            name: "empty masked close frame",
            role: .server,
            wire: [UInt8](hex: "88 80 01 02 03 04"),
            frames: [frame(.close, [], key: MaskingKey(1, 2, 3, 4))]
        ),
    ]

    @Test("decodes the RFC 6455 examples", arguments: rfcVectors)
    func decodesRFCExamples(vector: Vector) {
        #expect(parseAll(vector.wire, role: vector.role) == vector.frames.map(ParseEvent.frame))
    }

    @Test(
        "decodes the same frames whatever way the bytes are split",
        arguments: rfcVectors.filter { $0.wire.count < 1000 }
    )
    func decodesAtEverySplitPoint(vector: Vector) {
        let mismatches = SplitFeeder.verify(
            input: vector.wire,
            expected: vector.frames.map(ParseEvent.frame),
            makeDecoder: { FrameParser(role: vector.role) },
            decode: parseAvailable
        )
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3))")
    }

    @Test("decodes large frames fed in uneven chunks")
    func decodesLargeFramesInChunks() {
        let wire = [UInt8](hex: "82 7f 00 00 00 00 00 01 00 00") + pattern(65536)
        for chunkSize in [1, 3, 7, 1000, 4096] {
            var parser = FrameParser(role: .client)
            var cumulation = ByteBuffer()
            var events: [ParseEvent] = []
            var offset = 0
            while offset < wire.count {
                let end = min(offset + chunkSize, wire.count)
                cumulation.writeBytes(wire[offset..<end])
                events += parseAvailable(&parser, &cumulation)
                offset = end
            }
            #expect(events == [.frame(frame(.binary, pattern(65536)))], "chunk size \(chunkSize)")
        }
    }

    @Test("returns nil and consumes nothing until the header is complete")
    func waitsForCompleteHeader() throws {
        var parser = FrameParser(role: .server)
        var buffer = ByteBuffer(hex: "81 85 37 fa 21")
        #expect(try parser.nextFrame(from: &buffer) == nil)
        #expect(buffer.readableBytes == 5)
        buffer.writeBytes([UInt8](hex: "3d 7f 9f"))
        #expect(try parser.nextFrame(from: &buffer) == nil)
        // The header was consumed; the payload waits.
        #expect(buffer.readableBytes == 2)
        buffer.writeBytes([UInt8](hex: "4d 51 58"))
        let frameValue = try parser.nextFrame(from: &buffer)
        let frame = try #require(frameValue)
        #expect(String(buffer: frame.payload) == "Hello")
        #expect(buffer.readableBytes == 0)
    }

    @Test("unmasks a payload peeked in pieces exactly once")
    func peekUnmasksIncrementally() throws {
        var parser = FrameParser(role: .server)
        var buffer = ByteBuffer(hex: "81 85 37 fa 21 3d 7f 9f")
        #expect(try parser.nextFrame(from: &buffer) == nil)
        let firstValue = parser.peekArrivedPayload(in: &buffer)
        let first = try #require(firstValue)
        #expect(String(buffer: first.bytes) == "He")
        #expect(first.header.payloadLength == 5)
        #expect(parser.peekArrivedPayload(in: &buffer)?.bytes.readableBytes == 0)
        buffer.writeBytes([UInt8](hex: "4d"))
        let secondValue = parser.peekArrivedPayload(in: &buffer)
        let second = try #require(secondValue)
        #expect(String(buffer: second.bytes) == "l")
        buffer.writeBytes([UInt8](hex: "51 58"))
        let frameValue = try parser.nextFrame(from: &buffer)
        let frame = try #require(frameValue)
        #expect(String(buffer: frame.payload) == "Hello")
        #expect(parser.peekArrivedPayload(in: &buffer) == nil)
    }

    @Test("parses several frames from one read")
    func parsesSeveralFramesInOneRead() {
        let wire = [UInt8](hex: "01 03 48 65 6c 89 00 80 02 6c 6f")
        #expect(
            parseAll(wire) == [
                .frame(frame(.text, Array("Hel".utf8), fin: false)),
                .frame(frame(.ping, [])),
                .frame(frame(.continuation, Array("lo".utf8))),
            ]
        )
    }

    struct Violation: CustomTestStringConvertible, Sendable {
        var name: String
        var role: EndpointRole
        var wire: [UInt8]
        var allowed: ReservedBits = []
        var maxFrameSize = Limits.defaultMaxSize
        var error: ProtocolError
        var testDescription: String { self.name }
    }

    static let violations: [Violation] = [
        Violation(
            name: "RSV1 without extension",
            role: .client,
            wire: [0xC1, 0x00],
            error: .reservedBitsSet(mask: 0x40)
        ),
        Violation(name: "RSV2", role: .client, wire: [0xA1, 0x00], error: .reservedBitsSet(mask: 0x20)),
        Violation(name: "RSV3", role: .client, wire: [0x91, 0x00], error: .reservedBitsSet(mask: 0x10)),
        Violation(
            name: "RSV2 with RSV1 allowed",
            role: .client,
            wire: [0xE1, 0x00],
            allowed: .rsv1,
            error: .reservedBitsSet(mask: 0x20)
        ),
        Violation(
            name: "RSV1 on a control frame even when allowed",
            role: .client,
            wire: [0xC9, 0x00],
            allowed: .rsv1,
            error: .reservedBitsSet(mask: 0x40)
        ),
        Violation(name: "opcode 0x3", role: .client, wire: [0x83, 0x00], error: .reservedOpcode(0x3)),
        Violation(name: "opcode 0x7", role: .client, wire: [0x87, 0x00], error: .reservedOpcode(0x7)),
        Violation(name: "opcode 0xB", role: .client, wire: [0x8B, 0x00], error: .reservedOpcode(0xB)),
        Violation(name: "opcode 0xF", role: .client, wire: [0x8F, 0x00], error: .reservedOpcode(0xF)),
        Violation(
            name: "fragmented ping",
            role: .client,
            wire: [0x09, 0x00],
            error: .fragmentedControlFrame(opcode: 9)
        ),
        Violation(
            name: "fragmented close",
            role: .client,
            wire: [0x08, 0x00],
            error: .fragmentedControlFrame(opcode: 8)
        ),
        Violation(
            name: "masked frame to a client",
            role: .client,
            wire: [UInt8](hex: "81 85 37 fa 21 3d 7f 9f 4d 51 58"),
            error: .unexpectedMasking(masked: true)
        ),
        Violation(
            name: "unmasked frame to a server",
            role: .server,
            wire: [UInt8](hex: "81 05 48 65 6c 6c 6f"),
            error: .unexpectedMasking(masked: false)
        ),
        Violation(
            name: "ping of 126 bytes",
            role: .client,
            wire: [UInt8](hex: "89 7e 00 7e") + pattern(126),
            error: .controlFrameTooLong(length: 126)
        ),
        Violation(
            name: "close with 64-bit length",
            role: .client,
            wire: [UInt8](hex: "88 7f 00 00 00 00 00 00 10 00"),
            error: .controlFrameTooLong(length: 4096)
        ),
        Violation(
            name: "64-bit length with top bit set",
            role: .client,
            wire: [UInt8](hex: "82 7f 80 00 00 00 00 00 00 01"),
            error: .payloadLengthTopBitSet
        ),
        Violation(
            name: "64-bit length beyond Int and the limit",
            role: .client,
            wire: [UInt8](hex: "82 7f 7f ff ff ff ff ff ff ff"),
            error: .frameTooLarge(size: UInt64(Int64.max), limit: Limits.defaultMaxSize)
        ),
    ]

    @Test("rejects frames that break RFC 6455 §5", arguments: violations)
    func rejectsViolations(violation: Violation) {
        let events = parseAll(
            violation.wire,
            role: violation.role,
            maxFrameSize: violation.maxFrameSize,
            allowedReservedBits: violation.allowed
        )
        #expect(events == [.error(violation.error)])
    }

    @Test("rejects a violation at the header, whatever way the bytes are split", arguments: violations)
    func rejectsViolationsAtEverySplitPoint(violation: Violation) {
        let mismatches = SplitFeeder.verify(
            input: violation.wire,
            expected: [ParseEvent.error(violation.error)],
            allowLeftover: true,
            makeDecoder: {
                let parser = FrameParser(
                    role: violation.role,
                    maxFrameSize: violation.maxFrameSize,
                    allowedReservedBits: violation.allowed
                )
                return (parser: parser, failed: false)
            },
            decode: { decoder, cumulation in
                // A connection stops reading after the first error.
                guard !decoder.failed else { return [] }
                let events = parseAvailable(&decoder.parser, &cumulation)
                if case .error = events.last { decoder.failed = true }
                return events
            }
        )
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3))")
    }

    @Test("accepts RSV1 on data frames once deflate is negotiated")
    func acceptsRSV1WhenAllowed() {
        var parser = FrameParser(role: .client)
        parser.allowedReservedBits = .rsv1
        var buffer = ByteBuffer(hex: "c1 01 41 40 01 42")
        #expect(
            parseAvailable(&parser, &buffer) == [
                .frame(frame(.text, [0x41], rsv: .rsv1)), .frame(frame(.continuation, [0x42], fin: false, rsv: .rsv1)),
            ]
        )
    }

    @Test("accepts a control frame of exactly 125 bytes")
    func acceptsControlFrameAt125() {
        #expect(parseAll([0x89, 125] + pattern(125)) == [.frame(frame(.ping, pattern(125)))])
    }

    @Test(
        "checks the frame size limit at the boundary and one past, before any payload arrives",
        arguments: [7, 125, 126, 65535, 65536]
    )
    func frameSizeLimit(limit: Int) {
        let atLimit = FrameEncoderTests.encode(.binary, pattern(limit), role: .server)
        #expect(parseAll(atLimit, maxFrameSize: limit) == [.frame(frame(.binary, pattern(limit)))])
        let headerSize = FrameHeader.encodedSize(payloadLength: limit + 1, masked: false)
        let header = Array(FrameEncoderTests.encode(.binary, pattern(limit + 1), role: .server).prefix(headerSize))
        #expect(
            parseAll(header, maxFrameSize: limit) == [.error(.frameTooLarge(size: UInt64(limit + 1), limit: limit))]
        )
    }

    @Test("accepts lengths in a longer form than needed (RFC 6455 §5.2 binds only the sender)")
    func acceptsNonMinimalLength() {
        #expect(parseAll([UInt8](hex: "82 7e 00 02 aa bb")) == [.frame(frame(.binary, [0xAA, 0xBB]))])
        #expect(parseAll([UInt8](hex: "82 7f 00 00 00 00 00 00 00 01 cc")) == [.frame(frame(.binary, [0xCC]))])
    }

    @Test("gives payloads that are slices of the input, not copies")
    func payloadIsSlice() throws {
        var parser = FrameParser(role: .client)
        var buffer = ByteBuffer(hex: "82 03 01 02 03 82 01 04")
        let firstValue = try parser.nextFrame(from: &buffer)
        let first = try #require(firstValue)
        let secondValue = try parser.nextFrame(from: &buffer)
        let second = try #require(secondValue)
        first.payload.withUnsafeReadableBytes { firstBytes in
            second.payload.withUnsafeReadableBytes { secondBytes in
                // Both point into the input's storage: the second payload starts 5 bytes after the first.
                let distance = secondBytes.baseAddress.map { base in firstBytes.baseAddress.map { base - $0 } }
                #expect(distance == 5)
            }
        }
    }
}
