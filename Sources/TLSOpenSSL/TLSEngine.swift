import COpenSSL
import NIOCore

/// One TLS connection over two OpenSSL memory BIOs, driven by `TLSClientHandler` or `TLSServerHandler`.
///
/// Ciphertext from the network is written into `networkIn`; OpenSSL's output (handshake messages, records,
/// alerts) collects in `networkOut` and is moved into one `ByteBuffer` per flush. Event-loop bound: every call
/// comes from the owning handler on its channel's loop.
final class TLSEngine {
    /// Where the connection stands.
    enum State {
        /// Waiting for `channelActive` (client) or the first bytes (server).
        case idle
        /// `SSL_do_handshake` in progress.
        case handshaking
        /// Application data flows both ways.
        case active
        /// close_notify sent or received, or the channel closed: nothing more is encrypted.
        case closed
        /// A fatal error was reported; nothing more is processed.
        case failed(TLSError)
    }

    /// A plaintext write waiting for a flush (or for the handshake to finish).
    struct PendingWrite {
        var data: ByteBuffer
        var promise: EventLoopPromise<Void>?
    }

    let tlsContext: TLSContext
    let role: TLSRole
    /// The name or address the server's certificate is checked against (client only).
    let expectedName: String?
    /// The SNI host name sent (client only; `nil` for IP literals).
    let sniName: String?

    let ssl: OpaquePointer
    private let networkIn: OpaquePointer
    private let networkOut: OpaquePointer

    private(set) var state: State = .idle
    private var pendingWrites = CircularBuffer<PendingWrite>(initialCapacity: 4)
    private var flushRequested = false
    /// Reused for every batch of decrypted bytes; only reallocated if the previous batch is still referenced.
    private var plaintext: ByteBuffer?
    /// Whether any plaintext arrived yet; see `failureError()`.
    private(set) var receivedApplicationDataSoFar = false

    /// Free space ensured before each `SSL_read`. A record (up to 16 KiB, RFC 8446 §5.1) larger than this is
    /// read in several calls, so small messages keep the buffer small.
    private static let readChunk = 4_096

    /// Largest read buffer kept for reuse; a bigger one (after a burst) is dropped so idle connections stay small.
    private static let retainedReadCapacity = 16_384

    /// A connection for `role` on `tlsContext`.
    ///
    /// - Parameter serverName: client only: host name or IP literal to send as SNI and verify.
    init(tlsContext: TLSContext, serverName: String?) throws(TLSError) {
        OpenSSLErrorQueue.clear()
        guard let ssl = SSL_new(tlsContext.context) else {
            throw TLSContext.configError(file: nil, reason: "OpenSSL could not create a connection")
        }
        guard let networkIn = BIO_new(BIO_s_mem()), let networkOut = BIO_new(BIO_s_mem()) else {
            SSL_free(ssl)
            throw TLSContext.configError(file: nil, reason: "OpenSSL could not create memory BIOs")
        }
        // An empty input BIO means "retry when more bytes arrive" (SSL_ERROR_WANT_READ), never end of file.
        _ = wsprobe_BIO_set_mem_eof_return(networkIn, -1)
        SSL_set_bio(ssl, networkIn, networkOut)  // The SSL now owns both BIOs.
        self.ssl = ssl
        self.networkIn = networkIn
        self.networkOut = networkOut
        self.tlsContext = tlsContext
        self.role = tlsContext.configuration.role

        switch role {
        case .server:
            SSL_set_accept_state(ssl)
            expectedName = nil
            sniName = nil
        case .client:
            SSL_set_connect_state(ssl)
            let name = Self.unbracketed(serverName ?? tlsContext.configuration.serverName)
            expectedName = name
            sniName = try Self.configureName(name, on: ssl)
        }
    }

    deinit {
        SSL_free(ssl)
    }

    // MARK: Inbound

    /// Starts the client handshake: sends ClientHello.
    func start(context: ChannelHandlerContext) {
        guard case .idle = state, role == .client else { return }
        state = .handshaking
        advanceHandshake(context: context)
    }

    /// Feeds ciphertext from the network and processes everything it completes.
    func receive(_ buffer: ByteBuffer, context: ChannelHandlerContext) {
        switch state {
        case .idle:
            state = .handshaking
        case .handshaking, .active:
            break
        case .closed, .failed:
            return  // Bytes after close_notify or a fatal error are ignored (RFC 8446 §6.1).
        }
        buffer.withUnsafeReadableBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let chunk = Int32(clamping: bytes.count - offset)
                let written = BIO_write(networkIn, bytes.baseAddress.map { $0 + offset }, chunk)
                guard written > 0 else { break }  // Only on allocation failure; the handshake then fails.
                offset += Int(written)
            }
        }
        switch state {
        case .handshaking:
            advanceHandshake(context: context)
        case .active:
            readPlaintext(context: context)
        case .idle, .closed, .failed:
            break
        }
    }

    /// The channel went away: a handshake in progress fails, pending writes fail.
    func channelInactive(context: ChannelHandlerContext) {
        switch state {
        case .idle, .handshaking:
            let error = TLSError.handshakeFailed(
                reason: "the connection closed before the TLS handshake completed",
                diagnostics(messages: OpenSSLErrorQueue.drain().messages)
            )
            state = .failed(error)
            failPendingWrites(with: error)
            context.fireErrorCaught(error)
        case .active:
            state = .closed
            failPendingWrites(with: ChannelError.ioOnClosedChannel)
        case .closed, .failed:
            failPendingWrites(with: ChannelError.ioOnClosedChannel)
        }
    }

    // MARK: Outbound

    /// Queues plaintext until the next flush.
    func write(_ data: ByteBuffer, promise: EventLoopPromise<Void>?) {
        switch state {
        case .idle, .handshaking, .active:
            pendingWrites.append(PendingWrite(data: data, promise: promise))
        case .closed:
            promise?.fail(ChannelError.ioOnClosedChannel)
        case .failed(let error):
            promise?.fail(error)
        }
    }

    /// Encrypts every queued write into one buffer and flushes it; before the handshake completes, remembers
    /// the flush and performs it right after.
    func flush(context: ChannelHandlerContext) {
        switch state {
        case .idle, .handshaking:
            flushRequested = true
        case .active:
            encryptPendingWrites(context: context)
        case .closed, .failed:
            context.flush()
        }
    }

    /// Sends close_notify (RFC 8446 §6.1) when the session is up, then closes the channel. Writes not yet
    /// flushed are failed, as NIO does on close. Closing only the output also ends reading: TLS half-closure
    /// has no use in a WebSocket client, which closes both ways after the close handshake.
    func close(mode: CloseMode, promise: EventLoopPromise<Void>?, context: ChannelHandlerContext) {
        guard mode != .input else {
            context.close(mode: mode, promise: promise)
            return
        }
        switch state {
        case .active:
            state = .closed
            OpenSSLErrorQueue.clear()
            _ = SSL_shutdown(ssl)
            writeNetworkOutput(context: context)
        case .idle, .handshaking:
            state = .closed
        case .closed, .failed:
            break
        }
        failPendingWrites(with: ChannelError.ioOnClosedChannel)
        context.close(mode: mode, promise: promise)
    }

    /// The handler left the pipeline: nothing queued can be written any more.
    func handlerRemoved() {
        failPendingWrites(with: ChannelError.ioOnClosedChannel)
    }

    // MARK: Internals

    private func advanceHandshake(context: ChannelHandlerContext) {
        OpenSSLErrorQueue.clear()
        let result = SSL_do_handshake(ssl)
        guard result == 1 else {
            switch SSL_get_error(ssl, result) {
            case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
                writeNetworkOutput(context: context)
            default:
                fail(handshakeError(), context: context)
            }
            return
        }
        state = .active
        writeNetworkOutput(context: context)  // The last flight (Finished, session tickets).
        context.fireUserInboundEventTriggered(TLSHandshakeCompleted(info: sessionInfo()))
        guard case .active = state else { return }  // The event's receiver closed the channel.
        if flushRequested {
            flushRequested = false
            encryptPendingWrites(context: context)
        }
        guard case .active = state else { return }
        readPlaintext(context: context)  // Application data that arrived with the last handshake flight.
    }

    /// Decrypts everything available into one buffer and forwards it as one read.
    private func readPlaintext(context: ChannelHandlerContext) {
        var buffer = plaintext ?? context.channel.allocator.buffer(capacity: Self.readChunk)
        plaintext = nil
        buffer.clear()
        var lastResult: Int32 = 0
        repeat {
            OpenSSLErrorQueue.clear()
            buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: Self.readChunk) { space in
                lastResult = SSL_read(ssl, space.baseAddress, Int32(clamping: space.count))
                return lastResult > 0 ? Int(lastResult) : 0
            }
        } while lastResult > 0
        let status = SSL_get_error(ssl, lastResult)
        // Classified now: a synchronous write from the reader below would clear the error queue.
        let failure = status == SSL_ERROR_WANT_READ || status == SSL_ERROR_ZERO_RETURN ? nil : failureError()

        if buffer.readableBytes > 0 {
            receivedApplicationDataSoFar = true
            context.fireChannelRead(NIOAny(buffer))
        }
        plaintext = buffer.capacity <= Self.retainedReadCapacity ? buffer : nil
        guard case .active = state else { return }  // The reader closed the channel.

        if let failure {
            fail(failure, context: context)
        } else if status == SSL_ERROR_ZERO_RETURN {
            // The peer sent close_notify: answer with ours and close (RFC 8446 §6.1).
            state = .closed
            OpenSSLErrorQueue.clear()
            _ = SSL_shutdown(ssl)
            writeNetworkOutput(context: context)
            failPendingWrites(with: ChannelError.outputClosed)
            context.close(promise: nil)
        } else {
            writeNetworkOutput(context: context)  // e.g. a KeyUpdate answer (RFC 8446 §4.6.3).
        }
    }

    private func encryptPendingWrites(context: ChannelHandlerContext) {
        var aggregate: EventLoopPromise<Void>?
        while let pending = pendingWrites.popFirst() {
            if let promise = pending.promise {
                if let aggregate {
                    aggregate.futureResult.cascade(to: promise)
                } else {
                    aggregate = promise
                }
            }
            if let failure = encrypt(pending.data) {
                aggregate?.fail(failure)
                fail(failure, context: context)
                return
            }
        }
        writeNetworkOutput(context: context, promise: aggregate)
    }

    /// Passes `data` to `SSL_write`; a memory BIO takes every byte, so a short write is an error.
    private func encrypt(_ data: ByteBuffer) -> TLSError? {
        data.withUnsafeReadableBytes { bytes -> TLSError? in
            var offset = 0
            while offset < bytes.count {
                OpenSSLErrorQueue.clear()
                let chunk = Int32(clamping: bytes.count - offset)
                let written = SSL_write(ssl, bytes.baseAddress.map { $0 + offset }, chunk)
                guard written > 0 else { return failureError() }
                offset += Int(written)
            }
            return nil
        }
    }

    /// Moves OpenSSL's output into one buffer, writes and flushes it. Flushes even when there is nothing new,
    /// so an earlier `context.write` of ours is never left unflushed.
    private func writeNetworkOutput(context: ChannelHandlerContext, promise: EventLoopPromise<Void>? = nil) {
        let pending = Int(BIO_ctrl_pending(networkOut))
        guard pending > 0 else {
            promise?.succeed()
            context.flush()
            return
        }
        var output = context.channel.allocator.buffer(capacity: pending)
        output.writeWithUnsafeMutableBytes(minimumWritableBytes: pending) { space in
            Int(max(0, BIO_read(networkOut, space.baseAddress, Int32(clamping: pending))))
        }
        context.writeAndFlush(NIOAny(output), promise: promise)
    }

    private func fail(_ error: TLSError, context: ChannelHandlerContext) {
        state = .failed(error)
        writeNetworkOutput(context: context)  // Our alert, if OpenSSL queued one.
        failPendingWrites(with: error)
        context.fireErrorCaught(error)
        context.close(promise: nil)
    }

    private func failPendingWrites(with error: any Error) {
        flushRequested = false
        while let pending = pendingWrites.popFirst() {
            pending.promise?.fail(error)
        }
    }
}

@available(*, unavailable)
extension TLSEngine: Sendable {}
