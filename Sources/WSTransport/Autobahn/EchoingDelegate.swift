import NIOCore
import WSProtocol

/// Echoes every message back with the same kind, and completes a promise with the close outcome.
///
/// The Autobahn|Testsuite fuzzingserver expects exactly this of a client testee: send back whatever arrives.
final class EchoingDelegate: WebSocketDelegate {
    private let closed: EventLoopPromise<CloseOutcome>
    /// The first text message received (the fuzzingserver's case count arrives this way).
    private(set) var firstText: String?

    init(closed: EventLoopPromise<CloseOutcome>) {
        self.closed = closed
    }

    func webSocket(_ socket: WebSocketHandler, didReceive message: Message, receivedAt: NIODeadline) {
        if self.firstText == nil, message.kind == .text {
            self.firstText = String(buffer: message.payload)
        }
        // Echo failures mean the connection is closing; the close outcome reports why.
        try? socket.send(message)
    }

    func webSocket(_ socket: WebSocketHandler, didCloseWith outcome: CloseOutcome, at: NIODeadline) {
        self.closed.succeed(outcome)
    }
}

@available(*, unavailable)
extension EchoingDelegate: Sendable {}
