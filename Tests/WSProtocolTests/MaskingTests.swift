import NIOCore
import TestSupport
import Testing
import WSProtocol

@Suite("Masking")
struct MaskingTests {
    static let key = MaskingKey(0x37, 0xFA, 0x21, 0x3D)

    /// The byte-by-byte definition of RFC 6455 §5.3.
    static func reference(_ bytes: [UInt8], key: MaskingKey, keyOffset: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in byte ^ key[keyOffset + index] }
    }

    @Test("matches the byte-by-byte reference at every offset and length 0…40", arguments: 0...40)
    func matchesReference(length: Int) {
        let source = pattern(64)
        for start in 0...(64 - length) {
            for keyOffset in 0..<4 {
                var buffer = ByteBuffer(bytes: source)
                Masking.apply(Self.key, to: &buffer, at: start, length: length, keyOffset: keyOffset)
                let expected =
                    Array(source[..<start])
                    + Self.reference(Array(source[start..<(start + length)]), key: Self.key, keyOffset: keyOffset)
                    + Array(source[(start + length)...])
                #expect(buffer.bytes == expected, "start \(start) length \(length) key offset \(keyOffset)")
            }
        }
    }

    @Test("masks a payload in chunks exactly as in one go", arguments: [1, 2, 3, 5, 8, 13])
    func chunkedEqualsWhole(chunk: Int) {
        let source = pattern(100)
        var whole = ByteBuffer(bytes: source)
        Masking.apply(Self.key, to: &whole, at: 0, length: 100)
        var chunked = ByteBuffer(bytes: source)
        var offset = 0
        while offset < 100 {
            let length = min(chunk, 100 - offset)
            Masking.apply(Self.key, to: &chunked, at: offset, length: length, keyOffset: offset)
            offset += length
        }
        #expect(chunked == whole)
    }

    @Test("unmasks what it masked")
    func involution() {
        var buffer = ByteBuffer(bytes: pattern(37))
        Masking.apply(Self.key, to: &buffer, at: 0, length: 37)
        #expect(buffer.bytes != pattern(37))
        Masking.apply(Self.key, to: &buffer, at: 0, length: 37)
        #expect(buffer.bytes == pattern(37))
    }

    @Test("addresses regions relative to absolute indices when the reader index has moved")
    func respectsReaderIndex() {
        var buffer = ByteBuffer(bytes: [0, 0, 0, 0, 0, 0])
        buffer.moveReaderIndex(forwardBy: 2)
        Masking.apply(Self.key, to: &buffer, at: 3, length: 2)
        #expect(buffer.bytes == [0, 0x37, 0xFA, 0])
    }

    @Test("reads the RFC 6455 §5.7 key bytes in wire order")
    func keyBytes() {
        #expect((0..<4).map { Self.key[$0] } == [0x37, 0xFA, 0x21, 0x3D])
        #expect(MaskingKey(networkOrder: 0x37FA_213D) == Self.key)
        #expect(Self.key[5] == 0xFA)
    }
}
