package import NIOCore

extension ConnectionStateMachine {
    /// Feeds bytes received from the transport.
    ///
    /// Consumes every readable byte of `bytes`; the bytes of frames not yet handled are kept inside the machine,
    /// so the caller simply passes each read. Frames are handled in order until one completes a message: then
    /// the machine stops with `.pausedAfterMessage` if more bytes are buffered, so the application can react
    /// to that message (an echo, say) before later frames are handled. Carry out the actions, then call
    /// `continueReceiving(into:)`, until the result is `.needMoreBytes`. Without the pause, a message followed
    /// in the same read by a protocol violation would be refused its echo, because the machine would already
    /// have failed the connection (Autobahn 3.2, 5.15 expect the echo first).
    ///
    /// Bytes that arrive after a close frame was received are ignored (RFC 6455 §5.5.1: the peer sends nothing
    /// after its close; Autobahn 7.1.3, 7.1.4).
    package mutating func receive(
        _ bytes: inout ByteBuffer,
        into actions: inout some ConnectionActionSink
    ) -> ReceiveResult {
        defer { bytes.moveReaderIndex(to: bytes.writerIndex) }
        guard self.acceptsFrames else {
            return .needMoreBytes
        }
        if self.cumulation.readableBytes == 0 {
            self.cumulation = bytes
        } else if bytes.readableBytes > 0 {
            // Give back consumed space now and then, so a long stream of partial reads does not grow forever.
            if self.cumulation.readerIndex > 64 * 1024 && self.cumulation.readerIndex > self.cumulation.readableBytes {
                self.cumulation.discardReadBytes()
            }
            self.cumulation.writeBuffer(&bytes)
        }
        var result = ReceiveResult.needMoreBytes
        do throws(ProtocolError) {
            while self.acceptsFrames {
                if let frame = try self.parser.nextFrame(from: &self.cumulation) {
                    if try self.handle(frame, into: &actions) && self.cumulation.readableBytes > 0 {
                        result = .pausedAfterMessage
                        break
                    }
                    continue
                }
                if let (header, arrived) = self.parser.peekArrivedPayload(in: &self.cumulation) {
                    try self.assembler.inspectArrivingPayload(header: header, bytes: arrived)
                }
                break
            }
        } catch {
            self.fail(error, into: &actions)
        }
        if !self.acceptsFrames || self.cumulation.readableBytes == 0 {
            self.cumulation = self.emptyBuffer
            return .needMoreBytes
        }
        return result
    }

    /// Handles frames already buffered after `receive` returned `.pausedAfterMessage`.
    package mutating func continueReceiving(into actions: inout some ConnectionActionSink) -> ReceiveResult {
        var nothing = self.emptyBuffer
        return self.receive(&nothing, into: &actions)
    }

    /// The transport ended (TCP closed or reset). Emits `.closed` unless already closed.
    ///
    /// RFC 6455 §7.1.5: without a close frame received, the close code is 1006 and the close was not clean.
    package mutating func transportClosed(into actions: inout some ConnectionActionSink) {
        switch self.phase {
        case .open:
            actions.append(.closed(CloseOutcome(code: .abnormalClosure, initiator: .remote, wasClean: false)))
        case .closeSent(let sent):
            actions.append(
                .closed(CloseOutcome(code: .abnormalClosure, initiator: .local, wasClean: false, sentCode: sent.code))
            )
        case .awaitingTransportClose(let outcome):
            actions.append(.closed(outcome))
        case .closed:
            return
        }
        self.phase = .closed
    }

    /// The close timer started by `.startCloseTimer` expired: end the transport ourselves (RFC 6455 §7.1.1).
    package mutating func closeTimerFired(into actions: inout some ConnectionActionSink) {
        switch self.phase {
        case .closeSent(let sent):
            actions.append(.closeTransport)
            actions.append(
                .closed(
                    CloseOutcome(
                        code: .abnormalClosure,
                        initiator: .local,
                        wasClean: false,
                        sentCode: sent.code,
                        closeTimedOut: true
                    )
                )
            )
        case .awaitingTransportClose(var outcome):
            outcome.closeTimedOut = true
            actions.append(.closeTransport)
            actions.append(.closed(outcome))
        case .open, .closed:
            return
        }
        self.phase = .closed
    }

    /// True while received frames are still processed: until a close frame was received or the connection
    /// was failed.
    private var acceptsFrames: Bool {
        switch self.phase {
        case .open, .closeSent: true
        case .awaitingTransportClose, .closed: false
        }
    }

    /// Acts on one received frame; returns true when it completed a message.
    private mutating func handle(
        _ frame: Frame,
        into actions: inout some ConnectionActionSink
    ) throws(ProtocolError) -> Bool {
        switch frame.opcode {
        case .continuation, .text, .binary:
            // RFC 6455 §5.5.1 lets data arrive after our close until the peer's close: still deliver it.
            if let message = try self.assembler.append(frame) {
                actions.append(.deliver(message))
                return true
            }
        case .ping:
            // RFC 6455 §5.5.2: answer with a pong carrying the same payload; not after our close.
            if self.isOpen {
                self.writeFrame(opcode: .pong, payload: frame.payload, into: &actions)
            }
        case .pong:
            // RFC 6455 §5.5.3: a pong may be unsolicited; it needs no answer.
            actions.append(.pongReceived(frame.payload))
        case .close:
            try self.receivedClose(frame.payload, into: &actions)
        }
        return false
    }

    /// RFC 6455 §5.5.1, §7.1.2-§7.1.3: answer a close (if ours is not sent yet) and finish the handshake.
    private mutating func receivedClose(
        _ payload: ByteBuffer,
        into actions: inout some ConnectionActionSink
    ) throws(ProtocolError) {
        let received = try ClosePayload(parsing: payload)
        let code = received.code ?? .noStatusReceived
        switch self.phase {
        case .open:
            // Echo the code; an empty close is answered with 1000 (RFC 6455 §7.4.1; Autobahn 7.1.5, 7.3.1).
            let echo = ClosePayload(code: received.code ?? .normalClosure)
            self.writeClose(echo, into: &actions)
            let outcome = CloseOutcome(
                code: code,
                reason: received.reason,
                initiator: .remote,
                wasClean: true,
                sentCode: echo.code
            )
            self.closeHandshakeDone(outcome, startTimer: true, into: &actions)
        case .closeSent(let sent):
            let outcome = CloseOutcome(
                code: code,
                reason: received.reason,
                initiator: .local,
                wasClean: true,
                sentCode: sent.code
            )
            // Our close already started the timer.
            self.closeHandshakeDone(outcome, startTimer: false, into: &actions)
        case .awaitingTransportClose, .closed:
            return
        }
    }

    /// Both close frames are out: RFC 6455 §7.1.1, the server ends TCP first; the client waits for it.
    private mutating func closeHandshakeDone(
        _ outcome: CloseOutcome,
        startTimer: Bool,
        into actions: inout some ConnectionActionSink
    ) {
        self.assembler.reset()
        switch self.role {
        case .server:
            actions.append(.closeTransport)
            actions.append(.closed(outcome))
            self.phase = .closed
        case .client:
            if startTimer {
                actions.append(.startCloseTimer)
            }
            self.phase = .awaitingTransportClose(outcome)
        }
    }

    /// RFC 6455 §7.1.7: _Fail the WebSocket Connection_: send a close with the error's code if none was sent,
    /// then close the transport.
    mutating func fail(_ error: ProtocolError, into actions: inout some ConnectionActionSink) {
        let sentCode: CloseCode?
        switch self.phase {
        case .open:
            let close = ClosePayload(code: CloseCode(rawValue: error.closeCode), reason: error.code)
            self.writeClose(close, into: &actions)
            sentCode = close.code
        case .closeSent(let sent):
            sentCode = sent.code
        case .awaitingTransportClose, .closed:
            return
        }
        self.assembler.reset()
        actions.append(.closeTransport)
        actions.append(
            .closed(
                CloseOutcome(
                    code: .abnormalClosure,
                    initiator: .local,
                    wasClean: false,
                    sentCode: sentCode,
                    error: error
                )
            )
        )
        self.phase = .closed
    }
}

extension ConnectionStateMachine {
    /// Whether the next received frame not yet handled is a close frame (its first byte has arrived). Read
    /// between two delivered messages of one read: a sender can then hold a message the peer will never read.
    /// A payload byte of a frame still arriving can read as one too; that only delays such a send to the
    /// read's end.
    package var closeFrameIsNext: Bool {
        guard let first = self.cumulation.getInteger(at: self.cumulation.readerIndex, as: UInt8.self) else {
            return false
        }
        return first & 0x0F == Opcode.close.rawValue
    }
}
