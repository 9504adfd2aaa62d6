import NIOCore
import WSProtocol
import WSTransport

/// Closes a routing probe's connection as soon as it opens (only the 101 matters) and reports the end.
final class RouteProbeSession: WebSocketDelegate {
    private let closed: EventLoopPromise<Void>

    init(closed: EventLoopPromise<Void>) {
        self.closed = closed
    }

    func webSocketDidOpen(_ socket: WebSocketHandler) {
        try? socket.close(code: .normalClosure)
    }

    func webSocket(_ socket: WebSocketHandler, didReceive message: Message, receivedAt: NIODeadline) {}

    func webSocket(_ socket: WebSocketHandler, didCloseWith outcome: CloseOutcome, at: NIODeadline) {
        self.closed.succeed(())
    }
}

@available(*, unavailable)
extension RouteProbeSession: Sendable {}
