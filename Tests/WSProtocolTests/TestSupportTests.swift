import NIOCore
import TestSupport
import Testing
import WSProtocol

@Suite("TestSupport helpers")
struct TestSupportTests {
    @Test("chunkings cover the whole input, every split point and one byte at a time")
    func chunkings() {
        let chunkings = SplitFeeder.chunkings(of: [1, 2, 3, 4])
        #expect(chunkings.map(\.name) == ["whole", "split at 1", "split at 2", "split at 3", "one byte at a time"])
        for chunking in chunkings {
            #expect(chunking.chunks.flatMap { $0 } == [1, 2, 3, 4])
        }
        #expect(chunkings.last?.chunks == [[1], [2], [3], [4]])
    }

    @Test("the split feeder catches a decoder that only works on whole inputs")
    func catchesBrokenDecoder() {
        // Decodes "a frame" only if all four bytes arrived in one read; otherwise drops what it saw.
        let mismatches = SplitFeeder.verify(
            input: [1, 2, 3, 4],
            expected: [10],
            makeDecoder: { () },
            decode: { _, cumulation in
                let complete = cumulation.readableBytes == 4
                cumulation.moveReaderIndex(to: cumulation.writerIndex)
                return complete ? [10] : []
            }
        )
        #expect(mismatches.map(\.chunking) == ["split at 1", "split at 2", "split at 3", "one byte at a time"])
    }

    @Test("the split feeder reports bytes a decoder leaves behind")
    func reportsLeftovers() {
        let mismatches = SplitFeeder.verify(
            input: [1, 2],
            expected: [Int](),
            makeDecoder: { () },
            decode: { _, _ in [] }
        )
        #expect(mismatches.count == 3)
        #expect(mismatches.allSatisfy { $0.leftoverBytes == 2 })
    }

    @Test("hex helpers round-trip and ignore spacing")
    func hex() {
        #expect([UInt8](hex: "81 05 48_65\n6C") == [0x81, 0x05, 0x48, 0x65, 0x6C])
        #expect([UInt8]([0x0A, 0xFF]).hexString == "0a ff")
        #expect(ByteBuffer(hex: "01 02").bytes == [1, 2])
    }

    @Test("SplitMix64 is deterministic per seed and differs across seeds")
    func splitMix() {
        var first = SplitMix64(seed: 1)
        var second = SplitMix64(seed: 1)
        var other = SplitMix64(seed: 2)
        let a = (0..<4).map { _ in first.next() }
        #expect(a == (0..<4).map { _ in second.next() })
        #expect(a != (0..<4).map { _ in other.next() })
        // Reference value of SplitMix64 seeded with 0.
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    }
}

@Suite("Frame vocabulary")
struct FrameVocabularyTests {
    @Test("only the six defined opcodes exist; the rest are reserved (RFC 6455 §5.2)", arguments: 0...15)
    func opcodes(raw: Int) {
        let byte = UInt8(raw)
        let defined: Set<UInt8> = [0, 1, 2, 8, 9, 10]
        if defined.contains(byte) {
            #expect((try? Opcode(validating: byte))?.rawValue == byte)
        } else {
            #expect(throws: ProtocolError.reservedOpcode(byte)) { try Opcode(validating: byte) }
        }
    }

    @Test("control opcodes are close, ping and pong")
    func control() {
        #expect(Opcode.allCases.filter(\.isControl) == [.close, .ping, .pong])
        #expect(Opcode.allCases.filter(\.isData) == [.continuation, .text, .binary])
    }

    @Test("reserved bits keep their wire positions and drop other bits")
    func reservedBits() {
        #expect(ReservedBits(rawValue: 0xFF).rawValue == 0x70)
        #expect(ReservedBits.rsv1.rawValue == 0x40)
        #expect(ReservedBits([.rsv2, .rsv3]).rawValue == 0x30)
    }
}
