package import NIOCore

extension ConnectionStateMachine {
    /// Sends a text or binary message, as one frame or as frames of at most `fragmentSize` payload bytes.
    ///
    /// When compression was negotiated and `compress` is true, the payload is compressed and RSV1 set on the
    /// first frame (RFC 7692 §6); any message may also go uncompressed.
    /// - Throws: `SendError.notOpen` once a close frame was sent (RFC 6455 §5.5.1).
    package mutating func send(
        _ message: Message,
        fragmentSize: Int? = nil,
        compress: Bool = true,
        into actions: inout some ConnectionActionSink
    ) throws(SendError) {
        guard self.isOpen else {
            throw .notOpen
        }
        var payload = message.payload
        let compressed = compress && self.compression != nil
        if compress, let compression = self.compression {
            var deflated = self.allocator.buffer(capacity: payload.readableBytes / 2 + 64)
            compression.compress(payload, into: &deflated)
            payload = deflated
        }
        var output = self.allocator.buffer(
            capacity: self.encoder.encodedSize(payloadLength: payload.readableBytes, fragmentSize: fragmentSize)
        )
        self.encoder.writeMessage(
            opcode: message.kind.opcode,
            payload: payload,
            fragmentSize: fragmentSize,
            compressed: compressed,
            into: &output,
            using: &self.random
        )
        actions.append(.write(output))
    }

    /// Sends a ping (RFC 6455 §5.5.2); the answer arrives as `.pongReceived`.
    /// - Throws: `SendError.controlPayloadTooLong` beyond 125 bytes, `.notOpen` after a close was sent.
    package mutating func sendPing(
        _ payload: ByteBuffer,
        into actions: inout some ConnectionActionSink
    ) throws(SendError) {
        try self.sendControl(.ping, payload: payload, into: &actions)
    }

    /// Sends an unsolicited pong, a one-way heartbeat (RFC 6455 §5.5.3).
    /// - Throws: `SendError.controlPayloadTooLong` beyond 125 bytes, `.notOpen` after a close was sent.
    package mutating func sendPong(
        _ payload: ByteBuffer,
        into actions: inout some ConnectionActionSink
    ) throws(SendError) {
        try self.sendControl(.pong, payload: payload, into: &actions)
    }

    /// Starts the closing handshake: sends a close frame and asks for the close timer (RFC 6455 §7.1.2).
    ///
    /// Does nothing once a close frame was sent or the connection is over, so it is safe to call twice.
    /// - Parameters:
    ///   - code: the status code, or nil for an empty close payload (then `reason` is not sent).
    ///   - reason: UTF-8 text of at most 123 bytes.
    /// - Throws: `SendError.invalidCloseCode` or `.closeReasonTooLong`.
    package mutating func close(
        code: CloseCode? = .normalClosure,
        reason: String = "",
        into actions: inout some ConnectionActionSink
    ) throws(SendError) {
        if let code, !code.isAllowedOnWire {
            throw .invalidCloseCode(code.rawValue)
        }
        let reasonBytes = reason.utf8.count
        if reasonBytes > ClosePayload.maxReasonBytes {
            throw .closeReasonTooLong(bytes: reasonBytes)
        }
        guard self.isOpen else {
            return
        }
        let payload = ClosePayload(code: code, reason: code == nil ? "" : reason)
        self.writeClose(payload, into: &actions)
        actions.append(.startCloseTimer)
        self.phase = .closeSent(payload)
    }

    private mutating func sendControl(
        _ opcode: Opcode,
        payload: ByteBuffer,
        into actions: inout some ConnectionActionSink
    ) throws(SendError) {
        if payload.readableBytes > 125 {
            throw .controlPayloadTooLong(length: payload.readableBytes)
        }
        guard self.isOpen else {
            throw .notOpen
        }
        self.writeFrame(opcode: opcode, payload: payload, into: &actions)
    }

    /// Encodes one final frame into a fresh buffer and emits `.write`.
    mutating func writeFrame(opcode: Opcode, payload: ByteBuffer, into actions: inout some ConnectionActionSink) {
        var output = self.allocator.buffer(capacity: self.encoder.encodedSize(payloadLength: payload.readableBytes))
        self.encoder.writeFrame(opcode: opcode, payload: payload, into: &output, using: &self.random)
        actions.append(.write(output))
    }

    /// Encodes and emits a close frame.
    mutating func writeClose(_ close: ClosePayload, into actions: inout some ConnectionActionSink) {
        var payload = self.allocator.buffer(capacity: close.encodedSize)
        close.write(into: &payload)
        self.writeFrame(opcode: .close, payload: payload, into: &actions)
    }
}
