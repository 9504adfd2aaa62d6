package import NIOCore

/// One WebSocket frame with its payload (RFC 6455 §5.2).
///
/// A frame returned by `FrameParser` has an unmasked payload; `maskingKey` records the key it arrived with.
package struct Frame: Sendable, Hashable {
    /// FIN: this is the last frame of its message.
    package var fin: Bool
    /// RSV1-RSV3 as set on the wire.
    package var reservedBits: ReservedBits
    /// The frame's opcode.
    package var opcode: Opcode
    /// The key the payload was masked with on the wire, if it was.
    package var maskingKey: MaskingKey?
    /// The payload, unmasked.
    package var payload: ByteBuffer

    package init(
        fin: Bool,
        reservedBits: ReservedBits = [],
        opcode: Opcode,
        maskingKey: MaskingKey? = nil,
        payload: ByteBuffer
    ) {
        self.fin = fin
        self.reservedBits = reservedBits
        self.opcode = opcode
        self.maskingKey = maskingKey
        self.payload = payload
    }

    /// The header this frame had (or will have) on the wire.
    package var header: FrameHeader {
        FrameHeader(
            fin: self.fin,
            reservedBits: self.reservedBits,
            opcode: self.opcode,
            maskingKey: self.maskingKey,
            payloadLength: self.payload.readableBytes
        )
    }
}
