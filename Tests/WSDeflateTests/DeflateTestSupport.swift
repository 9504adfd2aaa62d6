import NIOCore

/// Bytes of a buffer's readable part.
func bytes(of buffer: ByteBuffer) -> [UInt8] {
    buffer.getBytes(at: buffer.readerIndex, length: buffer.readableBytes) ?? []
}

/// A deterministic pseudo-random generator (SplitMix64) for reproducible payloads.
struct DeflateTestGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var value = self.state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// A payload of `size` bytes that is partly repetitive (compressible) and partly random.
func samplePayload(size: Int, seed: UInt64) -> [UInt8] {
    var generator = DeflateTestGenerator(state: seed)
    let words: [[UInt8]] = ["alpha ", "beta ", "gamma ", "{\"id\":", "\"value\":", "wsprobe "].map { Array($0.utf8) }
    var payload: [UInt8] = []
    payload.reserveCapacity(size)
    while payload.count < size {
        if generator.next() % 4 == 0 {
            payload.append(UInt8(truncatingIfNeeded: generator.next()))
        } else {
            payload.append(contentsOf: words[Int(generator.next() % UInt64(words.count))])
        }
    }
    return Array(payload.prefix(size))
}
