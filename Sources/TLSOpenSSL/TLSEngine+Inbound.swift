import COpenSSL
import NIOCore

/// Bytes from the network: the handshake, decryption, and the end of the channel.
extension TLSEngine {
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
}
