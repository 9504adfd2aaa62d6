package import NIOCore

/// The RFC 6455 connection after the opening handshake, as a value with no I/O: bytes and local requests
/// go in, `ConnectionAction`s come out (open → closing → closed).
///
/// It owns the frame parser, the message assembler and the encoder. Each event method appends the actions
/// to an `inout` sink (see `ConnectionActionSink` for why). It reads no clock and no global randomness:
/// masking keys come from the injected generator (`SystemCrypto.SecureRandom` in production), and the close
/// timer is started and reported by the caller.
///
/// Closing (RFC 6455 §7): a received close is answered with a close echoing its code (1000 when it had
/// none). Then a client waits for the server to end TCP (`.startCloseTimer`), while a server ends TCP itself.
/// A protocol violation by the peer sends a close with `ProtocolError.closeCode`, then `.closeTransport`.
package struct ConnectionStateMachine<Random: RandomNumberGenerator> {
    enum Phase {
        /// Data flows both ways.
        case open
        /// This endpoint sent a close frame first and waits for the peer's.
        case closeSent(ClosePayload)
        /// Close frames were exchanged (client role): waiting for the server to end TCP.
        case awaitingTransportClose(CloseOutcome)
        /// Over; `.closed` was emitted.
        case closed
    }

    /// Client or server: decides masking and who ends TCP.
    package let role: EndpointRole
    /// The limits applied to received frames and messages.
    package let limits: Limits

    var phase: Phase = .open
    var parser: FrameParser
    var assembler: MessageAssembler
    let encoder: FrameEncoder
    var random: Random
    let allocator: ByteBufferAllocator
    let compression: (any MessageCompression)?
    /// Received bytes not yet handled.
    var cumulation: ByteBuffer
    /// An empty buffer made once, so resetting `cumulation` allocates nothing.
    let emptyBuffer: ByteBuffer

    /// - Parameters:
    ///   - role: client or server.
    ///   - limits: frame and message size limits for received data.
    ///   - compression: the negotiated per-message compression (permessage-deflate), or nil; when set, RSV1
    ///     is allowed on received data frames and outgoing messages are compressed unless asked otherwise.
    ///   - random: the source of masking keys (client role).
    ///   - allocator: allocates outgoing buffers.
    package init(
        role: EndpointRole,
        limits: Limits = .default,
        compression: (any MessageCompression)? = nil,
        random: Random,
        allocator: ByteBufferAllocator = ByteBufferAllocator()
    ) {
        self.role = role
        self.limits = limits
        self.compression = compression
        self.parser = FrameParser(
            role: role,
            maxFrameSize: limits.maxFrameSize,
            allowedReservedBits: compression == nil ? [] : .rsv1
        )
        self.assembler = MessageAssembler(
            maxMessageSize: limits.maxMessageSize,
            compression: compression,
            allocator: allocator
        )
        self.encoder = FrameEncoder(role: role)
        self.random = random
        self.allocator = allocator
        self.emptyBuffer = allocator.buffer(capacity: 0)
        self.cumulation = self.emptyBuffer
    }

    /// True until this endpoint sends or answers a close frame; only then may messages be sent.
    package var isOpen: Bool {
        if case .open = self.phase {
            return true
        }
        return false
    }

    /// True once `.closed` has been emitted.
    package var isClosed: Bool {
        if case .closed = self.phase {
            return true
        }
        return false
    }
}
