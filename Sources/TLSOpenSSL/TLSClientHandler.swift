package import NIOCore

/// The client end of TLS as a channel handler: ciphertext below it, plaintext `ByteBuffer`s above it.
///
/// It sends ClientHello on `channelActive` (or when added to an active channel), verifies the server as its
/// `TLSContext` says, fires `TLSHandshakeCompleted` when the handshake completes, and until then holds writes
/// (flushing them right after). Writes are encrypted on flush, coalesced into one outbound buffer. Failures are
/// fired as `TLSError` through `errorCaught`, after which the channel is closed. Closing sends close_notify; a
/// peer's close_notify is answered and closes the channel.
package final class TLSClientHandler: ChannelDuplexHandler {
    package typealias InboundIn = ByteBuffer
    package typealias InboundOut = ByteBuffer
    package typealias OutboundIn = ByteBuffer
    package typealias OutboundOut = ByteBuffer

    private let engine: TLSEngine

    /// A client connection on a shared context.
    ///
    /// - Parameters:
    ///   - context: a context built from `TLSConfiguration.client(…)`.
    ///   - serverName: the host (or IP literal, brackets allowed) for SNI and verification of this connection;
    ///     `nil` uses the configuration's `serverName`.
    /// - Throws: `TLSError.config` when `context` is a server context or OpenSSL cannot create the connection.
    package init(context: TLSContext, serverName: String? = nil) throws(TLSError) {
        guard context.configuration.role == .client else {
            throw TLSContext.configError(file: nil, reason: "TLSClientHandler needs a client configuration")
        }
        engine = try TLSEngine(tlsContext: context, serverName: serverName)
    }

    package func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive {
            engine.start(context: context)
        }
    }

    package func handlerRemoved(context: ChannelHandlerContext) {
        engine.handlerRemoved()
    }

    package func channelActive(context: ChannelHandlerContext) {
        context.fireChannelActive()
        engine.start(context: context)
    }

    package func channelInactive(context: ChannelHandlerContext) {
        engine.channelInactive(context: context)
        context.fireChannelInactive()
    }

    package func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        engine.receive(unwrapInboundIn(data), context: context)
    }

    package func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        engine.write(unwrapOutboundIn(data), promise: promise)
    }

    package func flush(context: ChannelHandlerContext) {
        engine.flush(context: context)
    }

    package func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        engine.close(mode: mode, promise: promise, context: context)
    }
}

@available(*, unavailable)
extension TLSClientHandler: Sendable {}
