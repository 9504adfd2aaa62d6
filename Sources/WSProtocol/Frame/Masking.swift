package import NIOCore

/// XOR masking of frame payloads (RFC 6455 §5.3), in place and eight bytes at a time.
///
/// Masking and unmasking are the same operation. Byte `j` of a payload is XORed with key byte `j % 4`; the
/// `keyOffset` parameters say where in the payload a region starts, so a payload masked in several chunks
/// (as the parser does while a long frame arrives) ends up exactly as if masked in one go.
package enum Masking {
    /// Applies `key` to `length` readable bytes of `buffer` starting at absolute index `index`.
    ///
    /// - Parameters:
    ///   - key: the frame's masking key.
    ///   - buffer: the buffer to change in place.
    ///   - index: the absolute index of the first byte; the region must lie within the readable bytes.
    ///   - length: the number of bytes to mask.
    ///   - keyOffset: the position of the first byte within the frame payload.
    package static func apply(
        _ key: MaskingKey,
        to buffer: inout ByteBuffer,
        at index: Int,
        length: Int,
        keyOffset: Int = 0
    ) {
        let start = index - buffer.readerIndex
        precondition(start >= 0 && length >= 0 && start + length <= buffer.readableBytes, "mask region out of range")
        if length == 0 {
            return
        }
        buffer.withUnsafeMutableReadableBytes { bytes in
            Self.apply(
                key,
                to: UnsafeMutableRawBufferPointer(rebasing: bytes[start..<(start + length)]),
                keyOffset: keyOffset
            )
        }
    }

    /// Applies `key` to every byte of `bytes`, the first being at payload position `keyOffset`.
    package static func apply(_ key: MaskingKey, to bytes: UnsafeMutableRawBufferPointer, keyOffset: Int = 0) {
        guard let base = bytes.baseAddress else {
            return
        }
        let count = bytes.count
        // The key repeated twice, rotated to `keyOffset`, in memory order: one XOR covers eight bytes.
        var word: UInt64 = 0
        withUnsafeMutableBytes(of: &word) { wordBytes in
            for position in 0..<8 {
                wordBytes[position] = key[keyOffset &+ position]
            }
        }
        var position = 0
        while position &+ 8 <= count {
            let value = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
            base.storeBytes(of: value ^ word, toByteOffset: position, as: UInt64.self)
            position &+= 8
        }
        while position < count {
            let byte = base.load(fromByteOffset: position, as: UInt8.self)
            base.storeBytes(of: byte ^ key[keyOffset &+ position], toByteOffset: position, as: UInt8.self)
            position &+= 1
        }
    }
}
