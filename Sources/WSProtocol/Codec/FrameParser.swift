package import NIOCore

/// An incremental frame decoder: feed it bytes as they arrive, take whole frames out (RFC 6455 §5.2).
///
/// The state has NIO's shape: waiting for a header (nothing consumed until all of it is there), then waiting
/// for a payload of a known, already checked length. Bytes may arrive split anywhere, one at a time included;
/// `nextFrame(from:)` returns nil until a whole frame is readable and leaves incomplete bytes in the buffer,
/// which the caller keeps and appends to (a cumulation buffer, as `ByteToMessageDecoder` does).
///
/// Payloads are slices of the input buffer (`readSlice`), never copies. In the server role masked payloads are
/// unmasked in place in the input buffer.
package struct FrameParser {
    private enum State {
        /// No byte of the next frame has been consumed yet.
        case waitingForHeader
        /// The header was consumed and validated; `inspected` payload bytes at the buffer's reader index were
        /// already unmasked and handed out by `peekArrivedPayload(in:)`.
        case waitingForPayload(FrameHeader, inspected: Int)
    }

    /// Decides which masking the peer must use (RFC 6455 §5.1).
    package let role: EndpointRole
    /// The largest frame payload accepted; see `Limits.maxFrameSize`.
    package let maxFrameSize: Int
    /// The reserved bits a negotiated extension defines for data frames (RSV1 under permessage-deflate).
    ///
    /// Empty until the handshake says otherwise; set it before feeding the first frame bytes.
    package var allowedReservedBits: ReservedBits

    private var state: State = .waitingForHeader

    package init(role: EndpointRole, maxFrameSize: Int = Limits.defaultMaxSize, allowedReservedBits: ReservedBits = [])
    {
        self.role = role
        self.maxFrameSize = maxFrameSize
        self.allowedReservedBits = allowedReservedBits
    }

    /// Returns the next whole frame in `buffer`, consuming its bytes, or nil if more bytes are needed.
    ///
    /// - Throws: the `ProtocolError` for the first rule the frame breaks; the connection must then be failed and
    ///   the parser not used again.
    package mutating func nextFrame(from buffer: inout ByteBuffer) throws(ProtocolError) -> Frame? {
        if case .waitingForHeader = self.state {
            guard let header = try self.readHeader(from: &buffer) else {
                return nil
            }
            self.state = .waitingForPayload(header, inspected: 0)
        }
        guard case .waitingForPayload(let header, let inspected) = self.state,
            buffer.readableBytes >= header.payloadLength
        else {
            return nil
        }
        if let key = header.maskingKey {
            Masking.apply(
                key,
                to: &buffer,
                at: buffer.readerIndex + inspected,
                length: header.payloadLength - inspected,
                keyOffset: inspected
            )
        }
        guard let payload = buffer.readSlice(length: header.payloadLength) else {
            return nil
        }
        self.state = .waitingForHeader
        return Frame(
            fin: header.fin,
            reservedBits: header.reservedBits,
            opcode: header.opcode,
            maskingKey: header.maskingKey,
            payload: payload
        )
    }

    /// While a frame's payload is still arriving, returns its header and the payload bytes that arrived since
    /// the last call (unmasked in place, not consumed; possibly none); nil when no header is pending.
    ///
    /// This lets the caller check a long text frame's UTF-8 as it arrives (fail fast, RFC 6455 §8.1) and the
    /// message size from the header alone, instead of after the last byte. `nextFrame(from:)` later returns
    /// the whole payload as usual.
    package mutating func peekArrivedPayload(in buffer: inout ByteBuffer) -> (header: FrameHeader, bytes: ByteBuffer)? {
        guard case .waitingForPayload(let header, let inspected) = self.state else {
            return nil
        }
        let available = max(inspected, min(buffer.readableBytes, header.payloadLength))
        if let key = header.maskingKey {
            Masking.apply(
                key,
                to: &buffer,
                at: buffer.readerIndex + inspected,
                length: available - inspected,
                keyOffset: inspected
            )
        }
        self.state = .waitingForPayload(header, inspected: available)
        guard let bytes = buffer.getSlice(at: buffer.readerIndex + inspected, length: available - inspected) else {
            return nil
        }
        return (header, bytes)
    }

    /// Reads and validates a header, consuming it only when all of it is readable.
    private func readHeader(from buffer: inout ByteBuffer) throws(ProtocolError) -> FrameHeader? {
        let start = buffer.readerIndex
        guard let first = buffer.getInteger(at: start, as: UInt8.self),
            let second = buffer.getInteger(at: start + 1, as: UInt8.self)
        else {
            return nil
        }
        let fin = first & 0x80 != 0
        let reservedBits = ReservedBits(rawValue: first)
        // RFC 6455 §5.2: reserved opcodes fail the connection.
        let opcode = try Opcode(validating: first & 0x0F)
        // RFC 6455 §5.2: RSV bits must be 0 unless an extension defines them; RFC 7692 §6 defines RSV1 for data
        // messages only, so control frames never carry one.
        let allowed = opcode.isControl ? ReservedBits() : self.allowedReservedBits
        let forbidden = reservedBits.subtracting(allowed)
        if !forbidden.isEmpty {
            throw .reservedBitsSet(mask: forbidden.rawValue)
        }
        // RFC 6455 §5.5: control frames must not be fragmented.
        if opcode.isControl && !fin {
            throw .fragmentedControlFrame(opcode: opcode.rawValue)
        }
        // RFC 6455 §5.1: clients mask every frame, servers none.
        let masked = second & 0x80 != 0
        if masked != self.role.expectsMaskedFrames {
            throw .unexpectedMasking(masked: masked)
        }
        let indicator = second & 0x7F
        let lengthBytes: Int
        switch indicator {
        case 126: lengthBytes = 2
        case 127: lengthBytes = 8
        default: lengthBytes = 0
        }
        let length: UInt64
        switch lengthBytes {
        case 2:
            guard let value = buffer.getInteger(at: start + 2, as: UInt16.self) else {
                return nil
            }
            length = UInt64(value)
        case 8:
            guard let value = buffer.getInteger(at: start + 2, as: UInt64.self) else {
                return nil
            }
            // RFC 6455 §5.2: the most significant bit of a 64-bit length must be 0.
            if value & (1 << 63) != 0 {
                throw .payloadLengthTopBitSet
            }
            length = value
        default:
            length = UInt64(indicator)
        }
        // RFC 6455 §5.5: control frame payloads are at most 125 bytes.
        if opcode.isControl && length > 125 {
            throw .controlFrameTooLong(length: Int(clamping: length))
        }
        // Checked on the UInt64, before conversion to Int and before waiting for any payload byte.
        if length > UInt64(self.maxFrameSize) {
            throw .frameTooLarge(size: length, limit: self.maxFrameSize)
        }
        var maskingKey: MaskingKey?
        if masked {
            guard let value = buffer.getInteger(at: start + 2 + lengthBytes, as: UInt32.self) else {
                return nil
            }
            maskingKey = MaskingKey(networkOrder: value)
        }
        buffer.moveReaderIndex(forwardBy: 2 + lengthBytes + (masked ? 4 : 0))
        return FrameHeader(
            fin: fin,
            reservedBits: reservedBits,
            opcode: opcode,
            maskingKey: maskingKey,
            payloadLength: Int(length)
        )
    }
}
