import NIOCore
import Testing
import WSDeflate
import WSProtocol

@Suite("Inflate limits and corrupt input")
struct DeflateLimitTests {
    @Test("a deflate bomb stops at the limit with protocol.message-too-large")
    func bombStopsAtLimit() throws {
        // 64 MiB of zeros compresses to about 64 KiB; inflating it must stop just past 1 MiB.
        let deflater = try Deflater(windowBits: 15, noContextTakeover: false)
        var compressed = ByteBuffer()
        deflater.compress(ByteBuffer(repeating: 0, count: 64 << 20), into: &compressed)
        #expect(compressed.readableBytes < 100_000)
        let inflater = try Inflater(windowBits: 15, noContextTakeover: false)
        var output = ByteBuffer()
        let limit = 1 << 20
        let error = #expect(throws: ProtocolError.self) {
            try inflater.decompress(compressed, isFinal: true, into: &output, limit: limit)
        }
        #expect(error?.code == "protocol.message-too-large")
        #expect(error?.closeCode == 1009)
        #expect(error == .messageTooLarge(size: limit + 1, limit: limit))
        #expect(output.readableBytes <= limit)
    }

    @Test("one byte past the limit fails; the limit counts bytes already in the message buffer")
    func onePastLimit() throws {
        let deflater = try Deflater(windowBits: 15, noContextTakeover: false)
        var compressed = ByteBuffer()
        deflater.compress(ByteBuffer(repeating: 0x41, count: 1_001), into: &compressed)
        let inflater = try Inflater(windowBits: 15, noContextTakeover: false)
        var output = ByteBuffer()
        #expect(throws: ProtocolError.messageTooLarge(size: 1_001, limit: 1_000)) {
            try inflater.decompress(compressed, isFinal: true, into: &output, limit: 1_000)
        }
    }

    @Test(
        "corrupt input fails with deflate.inflate-failed",
        arguments: [
            [0xFF, 0xFF, 0xFF, 0xFF],
            [0x07, 0x00],
            [0x00, 0x05, 0x00, 0x00, 0x00, 0x48],
        ] as [[UInt8]]
    )
    func corruptInput(payload: [UInt8]) throws {
        let inflater = try Inflater(windowBits: 15, noContextTakeover: false)
        var output = ByteBuffer()
        let error = #expect(throws: ProtocolError.self) {
            try inflater.decompress(ByteBuffer(bytes: payload), isFinal: true, into: &output, limit: 1 << 20)
        }
        #expect(error?.code == "deflate.inflate-failed")
        if case .decompressionFailed(let reason)? = error {
            #expect(!reason.isEmpty)
        } else {
            Issue.record("expected decompressionFailed, got \(String(describing: error))")
        }
    }

    @Test("a back-reference beyond a 9-bit window fails when the window was negotiated smaller")
    func windowTooSmallFails() throws {
        let payload = samplePayload(size: 200_000, seed: 11)
        let deflater = try Deflater(windowBits: 15, noContextTakeover: false)
        var compressed = ByteBuffer()
        deflater.compress(ByteBuffer(bytes: payload), into: &compressed)
        let inflater = try Inflater(windowBits: 9, noContextTakeover: false)
        var output = ByteBuffer()
        #expect(throws: ProtocolError.self) {
            try inflater.decompress(compressed, isFinal: true, into: &output, limit: 1 << 20)
        }
    }

    @Test("a compressor window of 8 bits is refused with a clear configuration error")
    func windowEightRejected() {
        let error = #expect(throws: DeflateConfigurationError.self) {
            _ = try Deflater(windowBits: 8, noContextTakeover: false)
        }
        #expect(error?.code == "deflate.config.window-bits-unsupported")
        #expect(error?.description.contains("zlib") == true)
    }

    @Test("an inflater accepts an 8-bit window")
    func inflaterWindowEight() throws {
        let inflater = try Inflater(windowBits: 8, noContextTakeover: false)
        var output = ByteBuffer()
        try inflater.decompress(
            ByteBuffer(bytes: [0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00]),
            isFinal: true,
            into: &output,
            limit: 100
        )
        #expect(bytes(of: output) == Array("Hello".utf8))
    }
}
