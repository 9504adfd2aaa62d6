import NIOCore
import Testing
import WSDeflate
import WSProtocol

@Suite("Compress and inflate round trips")
struct DeflateRoundTripTests {
    static let sizes = [0, 1, 2, 5, 100, 125, 126, 1_000, 4_096, 65_535, 65_536, 70_000, 300_000]

    @Test(
        "messages of many sizes survive deflate and inflate for every window size, with and without context takeover",
        arguments: [9, 10, 12, 15],
        [false, true]
    )
    func roundTrips(windowBits: Int, noContextTakeover: Bool) throws {
        let deflater = try Deflater(windowBits: windowBits, noContextTakeover: noContextTakeover)
        let inflater = try Inflater(windowBits: windowBits, noContextTakeover: noContextTakeover)
        var compressed = ByteBuffer()
        var inflated = ByteBuffer()
        for (index, size) in Self.sizes.enumerated() {
            let payload = samplePayload(size: size, seed: UInt64(index))
            compressed.clear()
            inflated.clear()
            deflater.compress(ByteBuffer(bytes: payload), into: &compressed)
            // Real messages arrive in frames: split the compressed payload in three.
            let frames = self.split(compressed, into: 3)
            for (frameIndex, frame) in frames.enumerated() {
                try inflater.decompress(
                    frame,
                    isFinal: frameIndex == frames.count - 1,
                    into: &inflated,
                    limit: 1 << 20
                )
            }
            #expect(bytes(of: inflated) == payload, "size \(size)")
        }
    }

    @Test("a repetitive message compresses well and repeated messages shrink further with context takeover")
    func contextTakeoverHelps() throws {
        let payload = ByteBuffer(
            bytes: Array(repeating: Array("{\"symbol\":\"ABC\",\"price\":101.5}".utf8), count: 4).flatMap { $0 }
        )
        let takeover = try Deflater(windowBits: 15, noContextTakeover: false)
        let reset = try Deflater(windowBits: 15, noContextTakeover: true)
        var first = ByteBuffer()
        takeover.compress(payload, into: &first)
        var second = ByteBuffer()
        takeover.compress(payload, into: &second)
        var fresh = ByteBuffer()
        reset.compress(payload, into: &fresh)
        var freshAgain = ByteBuffer()
        reset.compress(payload, into: &freshAgain)
        #expect(first.readableBytes < payload.readableBytes)
        #expect(second.readableBytes < first.readableBytes)
        #expect(bytes(of: fresh) == bytes(of: freshAgain))
    }

    @Test(
        "client and server PerMessageDeflate talk to each other under negotiated parameters",
        arguments: [
            DeflateParameters(),
            DeflateParameters(serverNoContextTakeover: true, clientNoContextTakeover: true),
            DeflateParameters(serverMaxWindowBits: 9, clientMaxWindowBits: 10),
            DeflateParameters(clientNoContextTakeover: true, serverMaxWindowBits: 12, clientMaxWindowBits: 15),
        ]
    )
    func bothRoles(parameters: DeflateParameters) throws {
        let client = try PerMessageDeflate(parameters: parameters, role: .client)
        let server = try PerMessageDeflate(parameters: parameters, role: .server)
        #expect(client.deflater.windowBits == parameters.clientMaxWindowBits)
        #expect(client.inflater.windowBits == parameters.serverMaxWindowBits)
        #expect(server.deflater.windowBits == parameters.serverMaxWindowBits)
        #expect(server.inflater.windowBits == parameters.clientMaxWindowBits)
        for (index, size) in [10, 5_000, 100_000, 0, 77].enumerated() {
            let payload = samplePayload(size: size, seed: 99 + UInt64(index))
            for (sender, receiver) in [(client, server), (server, client)] as [(PerMessageDeflate, PerMessageDeflate)] {
                var compressed = ByteBuffer()
                sender.compress(ByteBuffer(bytes: payload), into: &compressed)
                var inflated = ByteBuffer()
                try receiver.decompress(compressed, isFinal: true, into: &inflated, limit: 1 << 20)
                #expect(bytes(of: inflated) == payload)
            }
        }
    }

    @Test("a message inflated exactly to the limit is accepted")
    func exactLimit() throws {
        let payload = samplePayload(size: 10_000, seed: 5)
        let deflater = try Deflater(windowBits: 15, noContextTakeover: false)
        let inflater = try Inflater(windowBits: 15, noContextTakeover: false)
        var compressed = ByteBuffer()
        deflater.compress(ByteBuffer(bytes: payload), into: &compressed)
        var inflated = ByteBuffer()
        try inflater.decompress(compressed, isFinal: true, into: &inflated, limit: 10_000)
        #expect(inflated.readableBytes == 10_000)
    }

    @Test("a limit of Int.max means no limit and does not overflow")
    func unlimited() throws {
        let payload = samplePayload(size: 100_000, seed: 8)
        let deflater = try Deflater(windowBits: 15, noContextTakeover: false)
        let inflater = try Inflater(windowBits: 15, noContextTakeover: false)
        var compressed = ByteBuffer()
        deflater.compress(ByteBuffer(bytes: payload), into: &compressed)
        var inflated = ByteBuffer()
        try inflater.decompress(compressed, isFinal: true, into: &inflated, limit: .max)
        #expect(bytes(of: inflated) == payload)
    }

    private func split(_ buffer: ByteBuffer, into parts: Int) -> [ByteBuffer] {
        let size = buffer.readableBytes
        var result: [ByteBuffer] = []
        var offset = 0
        for part in 0..<parts {
            let end = part == parts - 1 ? size : min(size, offset + size / parts)
            result.append(buffer.getSlice(at: buffer.readerIndex + offset, length: end - offset) ?? ByteBuffer())
            offset = end
        }
        return result
    }
}
