package import NIOCore

/// Reassembles data frames into messages, inflating compressed ones and validating text as it goes
/// (RFC 6455 §5.4, §5.6, §8.1; RFC 7692 §6).
///
/// Feed it data frames only: control frames may arrive between fragments, and the connection layer handles
/// them without disturbing the message being assembled. A message that fits one uncompressed frame is
/// delivered as that frame's payload slice, without a copy; fragments and inflated bytes go into one buffer
/// that is reused for the next message once the previous one has been released.
package struct MessageAssembler {
    private enum State {
        /// Between messages.
        case idle
        /// A message whose first frame had FIN clear; `bufferedBytes` of payload are in `buffer`.
        case assembling(kind: Message.Kind, compressed: Bool, bufferedBytes: Int)
    }

    /// The largest message payload accepted (after inflation); see `Limits.maxMessageSize`.
    package let maxMessageSize: Int
    /// The negotiated per-message compression, or nil; when nil, RSV1 on a data frame fails the connection.
    package var compression: (any MessageCompression)?

    private var state: State = .idle
    private var buffer: ByteBuffer
    private var validator = UTF8Validator()
    /// Payload bytes of the frame now arriving that `inspectArrivingPayload` already validated.
    private var validatedAhead = 0

    package init(
        maxMessageSize: Int = Limits.defaultMaxSize,
        compression: (any MessageCompression)? = nil,
        allocator: ByteBufferAllocator = ByteBufferAllocator()
    ) {
        self.maxMessageSize = maxMessageSize
        self.compression = compression
        self.buffer = allocator.buffer(capacity: 0)
    }

    /// True while a fragmented message is open (its last frame has not arrived).
    package var isAssembling: Bool {
        if case .assembling = self.state {
            return true
        }
        return false
    }

    /// Adds one data frame; returns the message when `frame` completes one.
    ///
    /// - Throws: `.unexpectedContinuation`, `.expectedContinuation`, `.compressedFrameInvalid`,
    ///   `.messageTooLarge`, `.invalidUTF8`, or whatever the compression throws.
    package mutating func append(_ frame: Frame) throws(ProtocolError) -> Message? {
        guard frame.opcode.isData else {
            return nil
        }
        let (kind, compressed, buffered) = try self.classify(
            opcode: frame.opcode,
            reservedBits: frame.reservedBits
        )
        let alreadyValidated = self.validatedAhead
        self.validatedAhead = 0
        if compressed {
            return try self.appendCompressed(frame, kind: kind, buffered: buffered)
        }
        let length = frame.payload.readableBytes
        try self.checkSize(buffered: buffered, adding: length)
        if kind == .text && alreadyValidated < length {
            let unseen = frame.payload.getSlice(
                at: frame.payload.readerIndex + alreadyValidated,
                length: length - alreadyValidated
            )
            try self.validator.feed(unseen ?? ByteBuffer())
        }
        if frame.fin && buffered == 0 && !self.isAssembling {
            // A whole message in one frame: hand out the frame's slice, no copy.
            try self.finishText(kind)
            self.reset()
            return Message(kind: kind, payload: frame.payload)
        }
        if !self.isAssembling {
            self.buffer.clear()
        }
        var payload = frame.payload
        self.buffer.writeBuffer(&payload)
        return try self.advance(kind: kind, compressed: false, bufferedBytes: buffered + length, fin: frame.fin)
    }

    /// Checks the payload bytes of a data frame that are still arriving, so invalid UTF-8 and oversize
    /// messages fail before the frame is complete (RFC 6455 §8.1: fail fast).
    ///
    /// `bytes` are the payload bytes that arrived since the last call for this frame (see
    /// `FrameParser.peekArrivedPayload(in:)`). Compressed frames are checked after inflation instead.
    /// - Throws: the same errors `append` would throw for this frame.
    package mutating func inspectArrivingPayload(header: FrameHeader, bytes: ByteBuffer) throws(ProtocolError) {
        guard header.opcode.isData else {
            return
        }
        let (kind, compressed, buffered) = try self.classify(opcode: header.opcode, reservedBits: header.reservedBits)
        if compressed {
            return
        }
        try self.checkSize(buffered: buffered, adding: header.payloadLength)
        if kind == .text {
            try self.validator.feed(bytes)
            self.validatedAhead += bytes.readableBytes
        }
    }

    /// Drops any partial message, ready for a new one.
    package mutating func reset() {
        self.state = .idle
        self.validator.reset()
        self.validatedAhead = 0
    }

    /// Applies the RFC 6455 §5.4 ordering rules and RFC 7692 §6.1 RSV1 rules to a data frame; returns the
    /// message kind, whether it is compressed and how many payload bytes are buffered so far.
    private func classify(
        opcode: Opcode,
        reservedBits: ReservedBits
    ) throws(ProtocolError) -> (Message.Kind, compressed: Bool, buffered: Int) {
        let rsv1 = reservedBits.contains(.rsv1)
        switch (self.state, opcode) {
        case (.idle, .continuation):
            throw .unexpectedContinuation
        case (.assembling, _) where opcode != .continuation:
            throw .expectedContinuation(opcode: opcode.rawValue)
        case (.assembling(let kind, let compressed, let buffered), _):
            if rsv1 {
                throw .compressedFrameInvalid(reason: "RSV1 is set on a continuation frame")
            }
            return (kind, compressed, buffered)
        case (.idle, _):
            if rsv1 && self.compression == nil {
                throw .compressedFrameInvalid(reason: "RSV1 is set but permessage-deflate was not negotiated")
            }
            return (opcode == .text ? .text : .binary, rsv1, 0)
        }
    }

    /// Inflates one frame of a compressed message into the buffer and validates the new text bytes.
    private mutating func appendCompressed(
        _ frame: Frame,
        kind: Message.Kind,
        buffered: Int
    ) throws(ProtocolError) -> Message? {
        guard let compression = self.compression else {
            throw .compressedFrameInvalid(reason: "RSV1 is set but permessage-deflate was not negotiated")
        }
        if !self.isAssembling {
            self.buffer.clear()
        }
        let before = self.buffer.writerIndex
        try compression.decompress(frame.payload, isFinal: frame.fin, into: &self.buffer, limit: self.maxMessageSize)
        let inflated = self.buffer.writerIndex - before
        try self.checkSize(buffered: buffered, adding: inflated)
        if kind == .text, inflated > 0, let fresh = self.buffer.getSlice(at: before, length: inflated) {
            try self.validator.feed(fresh)
        }
        return try self.advance(kind: kind, compressed: true, bufferedBytes: buffered + inflated, fin: frame.fin)
    }

    /// Records progress after a frame's bytes went into the buffer; returns the message on the last frame.
    private mutating func advance(
        kind: Message.Kind,
        compressed: Bool,
        bufferedBytes: Int,
        fin: Bool
    ) throws(ProtocolError) -> Message? {
        guard fin else {
            self.state = .assembling(kind: kind, compressed: compressed, bufferedBytes: bufferedBytes)
            return nil
        }
        try self.finishText(kind)
        self.reset()
        // The buffer keeps its storage; it is cleared (and reused if the message was released) at the next
        // message's first frame.
        return Message(kind: kind, payload: self.buffer)
    }

    /// RFC 6455 §8.1: a text message must not end inside a code point.
    private func finishText(_ kind: Message.Kind) throws(ProtocolError) {
        if kind == .text {
            try self.validator.finish()
        }
    }

    /// Fails with 1009 when `adding` more bytes would take the message past the limit.
    private func checkSize(buffered: Int, adding: Int) throws(ProtocolError) {
        let (total, overflow) = buffered.addingReportingOverflow(adding)
        if overflow || total > self.maxMessageSize {
            throw .messageTooLarge(size: overflow ? Int.max : total, limit: self.maxMessageSize)
        }
    }
}
