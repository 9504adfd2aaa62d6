/// The fixed part of a frame: everything before the payload (RFC 6455 §5.2).
package struct FrameHeader: Sendable, Hashable {
    /// FIN: this is the last frame of its message.
    package var fin: Bool
    /// RSV1-RSV3 as set on the wire.
    package var reservedBits: ReservedBits
    /// The frame's opcode.
    package var opcode: Opcode
    /// The masking key, present exactly when the frame is masked.
    package var maskingKey: MaskingKey?
    /// The payload length in bytes (already checked against `Limits.maxFrameSize` by the parser).
    package var payloadLength: Int

    package init(
        fin: Bool,
        reservedBits: ReservedBits = [],
        opcode: Opcode,
        maskingKey: MaskingKey? = nil,
        payloadLength: Int
    ) {
        self.fin = fin
        self.reservedBits = reservedBits
        self.opcode = opcode
        self.maskingKey = maskingKey
        self.payloadLength = payloadLength
    }

    /// The number of bytes this header takes on the wire with the shortest length encoding (RFC 6455 §5.2).
    package var encodedSize: Int {
        Self.encodedSize(payloadLength: self.payloadLength, masked: self.maskingKey != nil)
    }

    /// The header size for a payload of `payloadLength` bytes: 2, plus 2 or 8 for the extended length, plus 4
    /// for a masking key.
    package static func encodedSize(payloadLength: Int, masked: Bool) -> Int {
        let lengthBytes: Int
        if payloadLength <= 125 {
            lengthBytes = 0
        } else if payloadLength <= Int(UInt16.max) {
            lengthBytes = 2
        } else {
            lengthBytes = 8
        }
        return 2 + lengthBytes + (masked ? 4 : 0)
    }
}
