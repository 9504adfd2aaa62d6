import NIOCore

/// One side of a tunnel: forwards what its channel reads to the partner's channel, reading only while the
/// partner can take more (backpressure through `read`, as in NIO's connect-proxy example), and closes the
/// tunnel when its channel ends. Half-closure is not emulated: an EOF closes both sides.
///
/// Event-loop-bound: both partners are on the same loop.
final class ALBGlueHandler: ChannelDuplexHandler {
    typealias InboundIn = NIOAny
    typealias OutboundIn = NIOAny
    typealias OutboundOut = NIOAny

    private let tunnel: ALBTunnel
    private var partner: ALBGlueHandler?
    private var context: ChannelHandlerContext?
    /// A read was asked for and held back (no partner yet, or the partner's channel was not writable).
    private var pendingRead = true

    init(tunnel: ALBTunnel) {
        self.tunnel = tunnel
    }

    /// Makes `first` and `second` each other's partners.
    static func join(_ first: ALBGlueHandler, _ second: ALBGlueHandler) {
        first.partner = second
        second.partner = first
    }

    /// Issues the read held back until the partner was set.
    func resume() {
        guard self.pendingRead, let context = self.context, self.partner?.isWritable ?? false else { return }
        self.pendingRead = false
        context.read()
    }

    private var isWritable: Bool { self.context?.channel.isWritable ?? false }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        self.partner = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.tunnel.touch()
        self.partner?.context?.write(data, promise: nil)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        self.partner?.context?.flush()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.tunnel.end()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.tunnel.end()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { self.partner?.resume() }
        context.fireChannelWritabilityChanged()
    }

    func read(context: ChannelHandlerContext) {
        if self.partner?.isWritable ?? false {
            self.pendingRead = false
            context.read()
        } else {
            self.pendingRead = true
        }
    }
}

@available(*, unavailable)
extension ALBGlueHandler: Sendable {}
