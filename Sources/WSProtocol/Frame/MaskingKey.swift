/// The 32-bit key a client XORs over every frame payload it sends (RFC 6455 §5.3).
package struct MaskingKey: Sendable, Hashable {
    /// The four key bytes in wire order, packed big-endian: byte 0 is the most significant.
    package let value: UInt32

    /// Builds a key from its four wire bytes.
    package init(_ byte0: UInt8, _ byte1: UInt8, _ byte2: UInt8, _ byte3: UInt8) {
        self.value = UInt32(byte0) << 24 | UInt32(byte1) << 16 | UInt32(byte2) << 8 | UInt32(byte3)
    }

    /// Builds a key from its wire bytes packed big-endian (as `ByteBuffer.readInteger` returns them).
    package init(networkOrder value: UInt32) {
        self.value = value
    }

    /// Draws a fresh key.
    ///
    /// RFC 6455 §5.3: the key must be unpredictable to the peer, so production code passes a CSPRNG
    /// (`SystemCrypto.SecureRandom`); tests pass a seeded generator for repeatable bytes.
    package init(using generator: inout some RandomNumberGenerator) {
        self.value = UInt32(truncatingIfNeeded: generator.next())
    }

    /// The key byte at `index` modulo 4 (byte 0 is the first on the wire).
    package subscript(index: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: self.value >> (24 - 8 * UInt32(index & 3)))
    }
}
