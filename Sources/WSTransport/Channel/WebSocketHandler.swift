// One file on purpose: the per-message hot path; splitting it would widen its private state to internal.
package import NIOCore
import SystemCrypto
package import WSProtocol

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs an open WebSocket on its channel: feeds reads to `ConnectionStateMachine`, carries out its actions, and
/// gives messages, pongs and the close outcome to a `WebSocketDelegate`.
///
/// One per connection, touched only on its event loop. Writes are coalesced: the frames produced while handling
/// one read, or by several sends within one event-loop tick, go out with a single flush, which lets the peer
/// batch too (the Go echo server costs 0.5 µs per message batched and 5 µs unbatched).
package final class WebSocketHandler: ChannelInboundHandler, RemovableChannelHandler {
    package typealias InboundIn = ByteBuffer
    package typealias OutboundOut = ByteBuffer

    /// How long to wait for the peer to end TCP after the close frames were exchanged (RFC 6455 §7.1.1).
    package static let defaultCloseTimeout = TimeAmount.seconds(5)

    private var machine: ConnectionStateMachine<SecureRandom>
    private var actions: [ConnectionAction] = []
    private var context: ChannelHandlerContext?
    private var closeTimer: Scheduled<Void>?
    private var flushPending = false
    /// Small frames written since the last flush, copied into one buffer so NIO sees one write per flush instead
    /// of one per frame (its per-write cost is several times a 100-byte copy). Empty between flushes, so an idle
    /// connection holds no buffer.
    private var coalesced: ByteBuffer?
    /// Whether `coalesced` is a buffer of this handler's (several frames) or the first frame itself.
    private var coalescedIsOwned = false
    private var flushScheduled = false
    private var inRead = false
    /// True while `perform` runs; sends made from delegate callbacks then only queue their actions.
    private var performing = false
    private let closeTimeout: TimeAmount
    /// The owner of this connection; held strongly until the close outcome is delivered.
    package var delegate: (any WebSocketDelegate)?
    /// Bytes written to the transport so far (whole frames, after compression and masking).
    package private(set) var wireBytesWritten = 0
    /// Bytes read from the transport after the upgrade.
    package private(set) var wireBytesRead = 0
    /// How TCP ended, once it did (set before the close outcome is delivered): a peer FIN, a peer RST, or this
    /// side. A channel closed around this handler (not through it) reads as a FIN.
    package private(set) var transportEnd: TransportEnd?

    /// - Parameters:
    ///   - role: client (masks frames) or server.
    ///   - limits: frame and message size limits for received data.
    ///   - compression: the negotiated permessage-deflate, or nil.
    ///   - closeTimeout: how long to wait for the peer to end TCP after closing.
    ///   - delegate: receives messages and the close outcome.
    package init(
        role: EndpointRole,
        limits: Limits = .default,
        compression: (any MessageCompression)? = nil,
        closeTimeout: TimeAmount = WebSocketHandler.defaultCloseTimeout,
        delegate: (any WebSocketDelegate)?
    ) {
        self.machine = ConnectionStateMachine(
            role: role,
            limits: limits,
            compression: compression,
            random: SecureRandom()
        )
        self.closeTimeout = closeTimeout
        // `actions` reserves nothing up front: it grows on first use and keeps its capacity, so a connection
        // held idle never allocates it.
        self.delegate = delegate
    }

    /// True until a close frame was sent or answered: the machine's `isOpen`, copied after each call into it
    /// (every call is followed by `performLocal` or `perform`), so the engine's per-message check is a load
    /// rather than a call into the generic machine.
    package private(set) var isOpen = true

    /// The channel this handler runs on, once added.
    package var channel: (any Channel)? { self.context?.channel }

    package func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    package func handlerRemoved(context: ChannelHandlerContext) {
        self.closeTimer?.cancel()
        self.context = nil
    }

    package func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = Self.unwrapInboundIn(data)
        self.wireBytesRead += bytes.readableBytes
        self.inRead = true
        // The loop's clock (the wall clock on a real loop, virtual time on an embedded one in tests).
        let now = context.eventLoop.now
        var result = self.machine.receive(&bytes, into: &self.actions)
        while true {
            self.perform(context: context, at: now)
            guard result == .pausedAfterMessage else { break }
            result = self.machine.continueReceiving(into: &self.actions)
        }
        self.inRead = false
    }

    /// Whether the peer's close frame is the next frame of the current read, behind the message being delivered:
    /// a message sent now could not be answered (a draining server closes right after its last answer).
    package var peerCloseIsNext: Bool { self.inRead && self.machine.closeFrameIsNext }

    package func channelReadComplete(context: ChannelHandlerContext) {
        self.delegate?.webSocketDidFinishRead(self)
        self.flushIfPending(context: context)
        context.fireChannelReadComplete()
    }

    package func channelInactive(context: ChannelHandlerContext) {
        if self.transportEnd == nil { self.transportEnd = .peerFIN }
        self.machine.transportClosed(into: &self.actions)
        self.perform(context: context, at: context.eventLoop.now)
        context.fireChannelInactive()
    }

    package func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A reset or TLS failure after the upgrade ends the transport; the outcome reports 1006.
        if self.transportEnd == nil {
            let code = (error as? IOError)?.errnoCode
            self.transportEnd = code == ECONNRESET || code == EPIPE ? .peerReset : .local
        }
        context.close(promise: nil)
    }

    // MARK: Sending (on the event loop)

    /// Sends a message, optionally fragmented; the write is flushed once per event-loop tick.
    /// - Throws: `SendError.notOpen` after a close frame was sent.
    package func send(_ message: Message, fragmentSize: Int? = nil, compress: Bool = true) throws(SendError) {
        try self.machine.send(message, fragmentSize: fragmentSize, compress: compress, into: &self.actions)
        self.performLocal()
    }

    /// Sends a ping with up to 125 bytes of payload.
    package func sendPing(_ payload: ByteBuffer) throws(SendError) {
        try self.machine.sendPing(payload, into: &self.actions)
        self.performLocal()
    }

    /// Sends an unsolicited pong (a one-way heartbeat).
    package func sendPong(_ payload: ByteBuffer) throws(SendError) {
        try self.machine.sendPong(payload, into: &self.actions)
        self.performLocal()
    }

    /// Starts the closing handshake; a no-op once closing.
    package func close(code: CloseCode? = .normalClosure, reason: String = "") throws(SendError) {
        try self.machine.close(code: code, reason: reason, into: &self.actions)
        self.performLocal()
    }

    /// Ends the TCP connection without a closing handshake (the peer sees 1006).
    package func abort() {
        if self.transportEnd == nil { self.transportEnd = .local }
        self.context?.close(promise: nil)
    }

    /// Flushes pending writes now instead of at the end of the tick.
    package func flush() {
        guard let context = self.context else { return }
        self.flushIfPending(context: context)
    }

    // MARK: Carrying out actions

    private func performLocal() {
        self.isOpen = self.machine.isOpen
        guard let context = self.context else {
            self.actions.removeAll(keepingCapacity: true)
            return
        }
        if self.performing {
            // A delegate callback is sending: the running `perform` loop picks these actions up in order.
            return
        }
        // Local sends only produce writes and timers, which need no timestamp: no clock read per message.
        self.perform(context: context, at: nil)
        if !self.inRead {
            self.scheduleFlush(context: context)
        }
    }

    /// Carries out queued actions in order. Delegate callbacks may send, which appends to `actions`; the index
    /// loop picks those up too, so nothing a delegate sends is lost or reordered.
    /// - Parameter readTime: the time of the read being handled; actions that report a time read the clock
    ///   themselves when there is none.
    private func perform(context: ChannelHandlerContext, at readTime: NIODeadline?) {
        self.isOpen = self.machine.isOpen
        self.performing = true
        defer { self.performing = false }
        var index = 0
        while index < self.actions.count {
            let action = self.actions[index]
            index += 1
            switch action {
            case .write(let bytes):
                self.wireBytesWritten += bytes.readableBytes
                self.write(bytes, context: context)
                self.flushPending = true
            case .deliver(let message):
                self.delegate?.webSocket(self, didReceive: message, receivedAt: readTime ?? .now())
            case .pongReceived(let payload):
                self.delegate?.webSocket(self, didReceivePong: payload, receivedAt: readTime ?? .now())
            case .startCloseTimer:
                self.startCloseTimer(context: context)
            case .closeTransport:
                self.flushIfPending(context: context)
                if self.transportEnd == nil { self.transportEnd = .local }
                context.close(promise: nil)
            case .closed(let outcome):
                self.closeTimer?.cancel()
                self.closeTimer = nil
                self.flushIfPending(context: context)
                let delegate = self.delegate
                self.delegate = nil
                delegate?.webSocket(self, didCloseWith: outcome, at: readTime ?? .now())
            }
        }
        self.actions.removeAll(keepingCapacity: true)
    }

    private func startCloseTimer(context: ChannelHandlerContext) {
        guard self.closeTimer == nil else { return }
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        self.closeTimer = context.eventLoop.scheduleTask(in: self.closeTimeout) {
            let handler = loopBound.value
            guard let context = handler.context else { return }
            handler.machine.closeTimerFired(into: &handler.actions)
            handler.perform(context: context, at: context.eventLoop.now)
        }
    }

    /// Frames up to this size are copied into the coalescing buffer; larger ones are written as they are.
    static let coalesceLimit = 1024
    /// What the coalescing buffer reserves when a flush's first small frame arrives.
    static let coalesceCapacity = 4096

    /// Queues `bytes` for the next flush, in order with the frames before it.
    ///
    /// A flush's first small frame is kept as it is (a lone frame, as in a smoke check or a held connection that
    /// sends now and then, needs no copy and no 4 KiB buffer, which malloc would keep per connection); the second
    /// one starts the coalescing buffer.
    private func write(_ bytes: ByteBuffer, context: ChannelHandlerContext) {
        guard bytes.readableBytes <= Self.coalesceLimit else {
            self.writeCoalesced(context: context)
            context.write(NIOAny(bytes), promise: nil)
            return
        }
        guard var pending = self.coalesced else {
            self.coalesced = bytes
            self.coalescedIsOwned = false
            return
        }
        // Out of the property first, so the appends below mutate a uniquely referenced buffer.
        self.coalesced = nil
        if !self.coalescedIsOwned {
            var owned = context.channel.allocator.buffer(capacity: Self.coalesceCapacity)
            owned.writeBuffer(&pending)
            pending = owned
            self.coalescedIsOwned = true
        }
        var bytes = bytes
        pending.writeBuffer(&bytes)
        self.coalesced = pending
    }

    /// Hands the coalesced small frames to the channel.
    private func writeCoalesced(context: ChannelHandlerContext) {
        guard let buffer = self.coalesced else { return }
        self.coalesced = nil
        context.write(NIOAny(buffer), promise: nil)
    }

    private func flushIfPending(context: ChannelHandlerContext) {
        guard self.flushPending else { return }
        self.flushPending = false
        self.writeCoalesced(context: context)
        context.flush()
    }

    private func scheduleFlush(context: ChannelHandlerContext) {
        guard self.flushPending, !self.flushScheduled else { return }
        self.flushScheduled = true
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        context.eventLoop.execute {
            let handler = loopBound.value
            handler.flushScheduled = false
            if let context = handler.context {
                handler.flushIfPending(context: context)
            }
        }
    }
}

@available(*, unavailable)
extension WebSocketHandler: Sendable {}
