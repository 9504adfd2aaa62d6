import COpenSSL
import NIOCore

/// One TLS connection over two OpenSSL memory BIOs, driven by `TLSClientHandler` or `TLSServerHandler`.
///
/// Ciphertext from the network is written into `networkIn`; OpenSSL's output (handshake messages, records,
/// alerts) collects in `networkOut` and is moved into one `ByteBuffer` per flush. Event-loop bound: every call
/// comes from the owning handler on its channel's loop.
///
/// This file holds the state; `TLSEngine+Inbound.swift` the handshake and decryption, `TLSEngine+Outbound.swift`
/// encryption and closing, `TLSEngine+Inspection.swift` session info and error classification. The state is
/// internal rather than private so that those extensions reach it; nothing outside them touches it.
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
    let networkIn: OpaquePointer
    let networkOut: OpaquePointer

    var state: State = .idle
    var pendingWrites = CircularBuffer<PendingWrite>(initialCapacity: 4)
    var flushRequested = false
    /// Reused for every batch of decrypted bytes; only reallocated if the previous batch is still referenced.
    var plaintext: ByteBuffer?
    /// Whether any plaintext arrived yet; see `failureError()`.
    var receivedApplicationDataSoFar = false

    /// Free space ensured before each `SSL_read`. A record (up to 16 KiB, RFC 8446 §5.1) larger than this is
    /// read in several calls, so small messages keep the buffer small.
    static let readChunk = 4_096

    /// Largest read buffer kept for reuse; a bigger one (after a burst) is dropped so idle connections stay small.
    static let retainedReadCapacity = 16_384

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
}

@available(*, unavailable)
extension TLSEngine: Sendable {}
