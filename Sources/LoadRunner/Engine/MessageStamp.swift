package import NIOCore

/// The sequence number and intended send time carried at the start of every sized payload, so an echo can be
/// matched to its send (loss, duplication and reordering are counted) and timed from the intended send time.
///
/// Binary payloads carry 16 bytes (sequence then nanoseconds, both big-endian); text payloads carry the same
/// 16 bytes as 32 lowercase hex digits so the message stays valid UTF-8 (RFC 6455 §5.6).
package enum MessageStamp {
    /// Bytes of the stamp in a binary payload.
    package static let binaryLength = 16
    /// Bytes of the stamp in a text payload.
    package static let textLength = 32

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Writes a payload of exactly `size` bytes: the stamp when it fits, then padding.
    package static func write(
        seq: UInt64,
        intendedNanoseconds: UInt64,
        size: Int,
        text: Bool,
        into buffer: inout ByteBuffer
    ) {
        let stampLength = text ? Self.textLength : Self.binaryLength
        guard size >= stampLength else {
            buffer.writeRepeatingByte(text ? UInt8(ascii: "x") : 0, count: size)
            return
        }
        if text {
            buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: Self.textLength) { raw in
                var index = 0
                for value in [seq, intendedNanoseconds] {
                    var shift = 60
                    while shift >= 0 {
                        raw[index] = Self.hexDigits[Int((value >> UInt64(shift)) & 0xF)]
                        index += 1
                        shift -= 4
                    }
                }
                return Self.textLength
            }
        } else {
            buffer.writeInteger(seq)
            buffer.writeInteger(intendedNanoseconds)
        }
        buffer.writeRepeatingByte(text ? UInt8(ascii: "x") : 0, count: size - stampLength)
    }

    /// Reads the stamp from the start of `payload`, or `nil` when there is none.
    package static func read(_ payload: ByteBuffer, text: Bool) -> (seq: UInt64, intendedNanoseconds: UInt64)? {
        if !text {
            guard let seq = payload.getInteger(at: payload.readerIndex, as: UInt64.self),
                let time = payload.getInteger(at: payload.readerIndex + 8, as: UInt64.self)
            else { return nil }
            return (seq, time)
        }
        guard payload.readableBytes >= Self.textLength else { return nil }
        return payload.withUnsafeReadableBytes { raw -> (UInt64, UInt64)? in
            var values: (UInt64, UInt64) = (0, 0)
            for part in 0..<2 {
                var value: UInt64 = 0
                for index in (part * 16)..<(part * 16 + 16) {
                    let byte = raw[index]
                    let digit: UInt8
                    switch byte {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                    default: return nil
                    }
                    value = value << 4 | UInt64(digit)
                }
                if part == 0 { values.0 = value } else { values.1 = value }
            }
            return values
        }
    }
}
