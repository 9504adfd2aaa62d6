package import NIOCore

/// Writes frames into a caller-provided buffer: header, then payload, masked in place in the output for the
/// client role (RFC 6455 §5.2, §5.3).
///
/// Lengths use the shortest encoding, as RFC 6455 §5.2 requires. The encoder never touches the caller's
/// payload buffer: masking happens on the copy in the output.
package struct FrameEncoder: Sendable {
    /// Decides whether frames are masked: a client masks every frame, a server none (RFC 6455 §5.1).
    package let role: EndpointRole

    package init(role: EndpointRole) {
        self.role = role
    }

    /// Writes one frame, drawing a fresh masking key from `generator` in the client role.
    ///
    /// RFC 6455 §5.3: a new, unpredictable key per frame; production passes `SystemCrypto.SecureRandom`.
    package func writeFrame(
        fin: Bool = true,
        reservedBits: ReservedBits = [],
        opcode: Opcode,
        payload: ByteBuffer,
        into output: inout ByteBuffer,
        using generator: inout some RandomNumberGenerator
    ) {
        let key = self.role.masksOutgoingFrames ? MaskingKey(using: &generator) : nil
        Self.writeFrame(
            fin: fin,
            reservedBits: reservedBits,
            opcode: opcode,
            maskingKey: key,
            payload: payload,
            into: &output
        )
    }

    /// Writes a whole message as one frame, or as frames of at most `fragmentSize` payload bytes.
    ///
    /// RFC 6455 §5.4: the first frame carries the opcode, the rest are continuations, the last has FIN set.
    /// RFC 7692 §6: when `compressed`, RSV1 goes on the first frame only.
    /// - Parameters:
    ///   - opcode: `.text` or `.binary`.
    ///   - payload: the message payload (already compressed when `compressed` is true).
    ///   - fragmentSize: the largest payload per frame; nil or less than 1 sends a single frame.
    ///   - compressed: sets RSV1 on the first frame.
    package func writeMessage(
        opcode: Opcode,
        payload: ByteBuffer,
        fragmentSize: Int? = nil,
        compressed: Bool = false,
        into output: inout ByteBuffer,
        using generator: inout some RandomNumberGenerator
    ) {
        let total = payload.readableBytes
        let firstBits: ReservedBits = compressed ? .rsv1 : []
        guard let fragmentSize, fragmentSize >= 1, fragmentSize < total else {
            self.writeFrame(
                fin: true,
                reservedBits: firstBits,
                opcode: opcode,
                payload: payload,
                into: &output,
                using: &generator
            )
            return
        }
        var offset = 0
        while offset < total {
            let length = min(fragmentSize, total - offset)
            let isFirst = offset == 0
            let fragment = payload.getSlice(at: payload.readerIndex + offset, length: length) ?? ByteBuffer()
            offset += length
            self.writeFrame(
                fin: offset == total,
                reservedBits: isFirst ? firstBits : [],
                opcode: isFirst ? opcode : .continuation,
                payload: fragment,
                into: &output,
                using: &generator
            )
        }
    }

    /// The number of bytes `writeMessage` writes for a payload of `payloadLength` bytes.
    package func encodedSize(payloadLength: Int, fragmentSize: Int? = nil) -> Int {
        let masked = self.role.masksOutgoingFrames
        guard let fragmentSize, fragmentSize >= 1, fragmentSize < payloadLength else {
            return FrameHeader.encodedSize(payloadLength: payloadLength, masked: masked) + payloadLength
        }
        let fullFrames = payloadLength / fragmentSize
        let rest = payloadLength % fragmentSize
        var size = fullFrames * (FrameHeader.encodedSize(payloadLength: fragmentSize, masked: masked) + fragmentSize)
        if rest > 0 {
            size += FrameHeader.encodedSize(payloadLength: rest, masked: masked) + rest
        }
        return size
    }

    /// Writes one frame with an explicit key (nil for unmasked): the deterministic core of the encoder.
    package static func writeFrame(
        fin: Bool,
        reservedBits: ReservedBits,
        opcode: Opcode,
        maskingKey: MaskingKey?,
        payload: ByteBuffer,
        into output: inout ByteBuffer
    ) {
        let length = payload.readableBytes
        output.writeInteger((fin ? 0x80 : 0) | reservedBits.rawValue | opcode.rawValue, as: UInt8.self)
        let maskBit: UInt8 = maskingKey == nil ? 0 : 0x80
        if length <= 125 {
            output.writeInteger(maskBit | UInt8(length), as: UInt8.self)
        } else if length <= Int(UInt16.max) {
            output.writeInteger(maskBit | 126, as: UInt8.self)
            output.writeInteger(UInt16(length), as: UInt16.self)
        } else {
            output.writeInteger(maskBit | 127, as: UInt8.self)
            output.writeInteger(UInt64(length), as: UInt64.self)
        }
        if let maskingKey {
            output.writeInteger(maskingKey.value, as: UInt32.self)
            let payloadStart = output.writerIndex
            output.writeImmutableBuffer(payload)
            Masking.apply(maskingKey, to: &output, at: payloadStart, length: length)
        } else {
            output.writeImmutableBuffer(payload)
        }
    }
}
