import COpenSSL
import NIOCore

/// Bytes to the network: queued plaintext, encryption, close_notify, and failing what cannot be sent.
extension TLSEngine {
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

    /// Encrypts the queued writes into OpenSSL's output and writes it, completing their promises together.
    func encryptPendingWrites(context: ChannelHandlerContext) {
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
    func writeNetworkOutput(context: ChannelHandlerContext, promise: EventLoopPromise<Void>? = nil) {
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

    /// Records a fatal `error`: sends our alert, fails pending writes, reports the error and closes.
    func fail(_ error: TLSError, context: ChannelHandlerContext) {
        state = .failed(error)
        writeNetworkOutput(context: context)  // Our alert, if OpenSSL queued one.
        failPendingWrites(with: error)
        context.fireErrorCaught(error)
        context.close(promise: nil)
    }

    /// Fails every queued write (and forgets a requested flush).
    func failPendingWrites(with error: any Error) {
        flushRequested = false
        while let pending = pendingWrites.popFirst() {
            pending.promise?.fail(error)
        }
    }
}
