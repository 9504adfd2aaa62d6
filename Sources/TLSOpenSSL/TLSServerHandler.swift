package import NIOCore

/// The server end of TLS as a channel handler: ciphertext below it, plaintext `ByteBuffer`s above it.
///
/// It answers the client's first bytes, requires a client certificate when its configuration has a client CA,
/// and otherwise behaves like `TLSClientHandler`: `TLSHandshakeCompleted` on completion, writes held until then,
/// encryption on flush, `TLSError` through `errorCaught` followed by close, close_notify on close.
package final class TLSServerHandler: ChannelDuplexHandler {
    package typealias InboundIn = ByteBuffer
    package typealias InboundOut = ByteBuffer
    package typealias OutboundIn = ByteBuffer
    package typealias OutboundOut = ByteBuffer

    private let engine: TLSEngine

    /// A server connection on a shared context.
    ///
    /// - Parameter context: a context built from `TLSConfiguration.server(…)`.
    /// - Throws: `TLSError.config` when `context` is a client context or OpenSSL cannot create the connection.
    package init(context: TLSContext) throws(TLSError) {
        guard context.configuration.role == .server else {
            throw TLSContext.configError(file: nil, reason: "TLSServerHandler needs a server configuration")
        }
        engine = try TLSEngine(tlsContext: context, serverName: nil)
    }

    package func handlerRemoved(context: ChannelHandlerContext) {
        engine.handlerRemoved()
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
extension TLSServerHandler: Sendable {}
