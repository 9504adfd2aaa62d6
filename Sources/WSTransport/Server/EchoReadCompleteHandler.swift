import NIOCore

/// Sits after the `WebSocketHandler` and tells the echo session when a read batch ended, so it sends the
/// batch's echoes then (see `EchoSession.webSocket(_:didReceive:receivedAt:)`).
final class EchoReadCompleteHandler: ChannelInboundHandler {
    typealias InboundIn = Never

    private let session: EchoSession

    init(session: EchoSession) {
        self.session = session
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        self.session.readComplete()
        context.fireChannelReadComplete()
    }
}

@available(*, unavailable)
extension EchoReadCompleteHandler: Sendable {}
