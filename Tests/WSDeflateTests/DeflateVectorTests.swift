import NIOCore
import Testing
import WSDeflate
import WSProtocol

@Suite("RFC 7692 §7.2.3 byte vectors")
struct DeflateVectorTests {
    private func inflate(_ payloads: [[UInt8]], using inflater: Inflater, limit: Int = 1 << 20) throws -> [UInt8] {
        var output = ByteBuffer()
        for (index, payload) in payloads.enumerated() {
            try inflater.decompress(
                ByteBuffer(bytes: payload),
                isFinal: index == payloads.count - 1,
                into: &output,
                limit: limit
            )
        }
        return bytes(of: output)
    }

    @Test("'Hello' deflates to f2 48 cd c9 c9 07 00 once the tail is stripped (§7.2.3.1)")
    func helloVector() throws {
        let deflater = try Deflater(windowBits: 15, noContextTakeover: false)
        var output = ByteBuffer()
        deflater.compress(ByteBuffer(string: "Hello"), into: &output)
        #expect(bytes(of: output) == [0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00])
    }

    @Test("a second 'Hello' with context takeover becomes f2 00 11 00 00 (§7.2.3.2)")
    func sharedWindowVector() throws {
        let deflater = try Deflater(windowBits: 15, noContextTakeover: false)
        var first = ByteBuffer()
        deflater.compress(ByteBuffer(string: "Hello"), into: &first)
        var second = ByteBuffer()
        deflater.compress(ByteBuffer(string: "Hello"), into: &second)
        #expect(bytes(of: second) == [0xF2, 0x00, 0x11, 0x00, 0x00])

        let inflater = try Inflater(windowBits: 15, noContextTakeover: false)
        #expect(try self.inflate([bytes(of: first)], using: inflater) == Array("Hello".utf8))
        #expect(try self.inflate([bytes(of: second)], using: inflater) == Array("Hello".utf8))
    }

    @Test("without context takeover the second 'Hello' is compressed afresh")
    func noContextTakeoverRepeatsFirstVector() throws {
        let deflater = try Deflater(windowBits: 15, noContextTakeover: true)
        for _ in 0..<3 {
            var output = ByteBuffer()
            deflater.compress(ByteBuffer(string: "Hello"), into: &output)
            #expect(bytes(of: output) == [0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00])
        }
    }

    @Test(
        "RFC 7692 example payloads inflate to 'Hello'",
        arguments: [
            ("single frame §7.2.3.1", [[0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00]]),
            ("fragmented §7.2.3.1", [[0xF2, 0x48, 0xCD], [0xC9, 0xC9, 0x07, 0x00]]),
            ("uncompressed block §7.2.3.3", [[0x00, 0x05, 0x00, 0xFA, 0xFF, 0x48, 0x65, 0x6C, 0x6C, 0x6F, 0x00]]),
            ("BFINAL block §7.2.3.4", [[0xF3, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00, 0x00]]),
            (
                "two blocks §7.2.3.5",
                [[0xF2, 0x48, 0x05, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xCA, 0xC9, 0xC9, 0x07, 0x00]]
            ),
        ] as [(String, [[UInt8]])]
    )
    func examplesInflate(name: String, frames: [[UInt8]]) throws {
        let inflater = try Inflater(windowBits: 15, noContextTakeover: false)
        #expect(try self.inflate(frames, using: inflater) == Array("Hello".utf8), "\(name)")
    }

    @Test("an empty message is the single byte 00 and inflates to nothing (§7.2.3.6)")
    func emptyMessage() throws {
        let deflater = try Deflater(windowBits: 15, noContextTakeover: false)
        let inflater = try Inflater(windowBits: 15, noContextTakeover: false)
        var output = ByteBuffer()
        deflater.compress(ByteBuffer(string: "Hello"), into: &output)
        _ = try self.inflate([bytes(of: output)], using: inflater)
        var empty = ByteBuffer()
        deflater.compress(ByteBuffer(), into: &empty)
        #expect(bytes(of: empty) == [0x00])
        #expect(try self.inflate([[0x00]], using: inflater).isEmpty)
        // The context is intact afterwards.
        var again = ByteBuffer()
        deflater.compress(ByteBuffer(string: "Hello"), into: &again)
        #expect(try self.inflate([bytes(of: again)], using: inflater) == Array("Hello".utf8))
    }

    @Test("after a BFINAL message the window carries over to the next message with context takeover")
    func finalBlockKeepsWindow() throws {
        let inflater = try Inflater(windowBits: 15, noContextTakeover: false)
        #expect(
            try self.inflate([[0xF3, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00, 0x00]], using: inflater) == Array("Hello".utf8)
        )
        // The §7.2.3.2 second message refers back 5 bytes into the first message.
        #expect(try self.inflate([[0xF2, 0x00, 0x11, 0x00, 0x00]], using: inflater) == Array("Hello".utf8))
    }

    @Test("two BFINAL streams in one message share history")
    func twoFinalStreamsInOneMessage() throws {
        let inflater = try Inflater(windowBits: 15, noContextTakeover: true)
        let payload: [UInt8] = [0xF3, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00, 0xF3, 0x00, 0x11, 0x00, 0x00]
        #expect(try self.inflate([payload], using: inflater) == Array("HelloHello".utf8))
    }
}
