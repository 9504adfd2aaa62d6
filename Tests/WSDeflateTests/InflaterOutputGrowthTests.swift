import NIOCore
import Testing
import WSDeflate
import WSProtocol

/// The inflater's demands on the output buffer (found by the micro-benchmarks: it used to ask for 64 KiB of
/// free space before every inflate call, so a 1 KiB message grew its buffer to 128 KiB).
@Suite("Inflater output growth")
struct InflaterOutputGrowthTests {
    @Test("a small message grows an empty output buffer to a small capacity", arguments: [1, 100, 1024, 4000])
    func smallMessageSmallBuffer(size: Int) throws {
        let deflater = try Deflater(windowBits: 15, noContextTakeover: false)
        var compressed = ByteBuffer()
        let payload = samplePayload(size: size, seed: UInt64(size))
        deflater.compress(ByteBuffer(bytes: payload), into: &compressed)
        let inflater = try Inflater(windowBits: 15, noContextTakeover: false)
        var output = ByteBuffer()
        try inflater.decompress(compressed, isFinal: true, into: &output, limit: Limits.defaultMaxSize)
        #expect(bytes(of: output) == payload)
        // Room for the message and at most one doubling of ByteBuffer's growth, not 64 KiB.
        #expect(output.capacity <= max(2048, 4 * size))
    }

    @Test("a large message split into many frames still inflates exactly, whatever the buffer's growth")
    func largeMessageInFrames() throws {
        let deflater = try Deflater(windowBits: 15, noContextTakeover: false)
        var compressed = ByteBuffer()
        let payload = samplePayload(size: 300_000, seed: 7)
        deflater.compress(ByteBuffer(bytes: payload), into: &compressed)
        let inflater = try Inflater(windowBits: 15, noContextTakeover: false)
        var output = ByteBuffer()
        while compressed.readableBytes > 0 {
            let frame = compressed.readSlice(length: min(997, compressed.readableBytes)) ?? ByteBuffer()
            try inflater.decompress(frame, isFinal: compressed.readableBytes == 0, into: &output, limit: 300_000)
        }
        #expect(bytes(of: output) == payload)
    }
}
