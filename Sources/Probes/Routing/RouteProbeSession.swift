import NIOCore
import WSProtocol
import WSTransport

/// Learns a routing probe's identity and closes the connection: at once for a header identity, else after the
/// reply to the probe message (or the first message) or its timeout. Reports the identity found, if any.
final class RouteProbeSession: WebSocketDelegate {
    private let reader: RouteIdentity
    private let closed: EventLoopPromise<String?>
    private var identity: String?
    private var timer: Scheduled<Void>?
    private var closing = false

    init(reader: RouteIdentity, closed: EventLoopPromise<String?>) {
        self.reader = reader
        self.closed = closed
    }

    func webSocketDidOpen(_ socket: WebSocketHandler) {
        guard case .message(let send, _, let timeout) = self.reader, let loop = socket.channel?.eventLoop else {
            return self.close(socket)
        }
        if let send {
            do {
                try socket.send(Message(kind: .text, payload: ByteBuffer(string: send)))
            } catch {
                return self.close(socket)
            }
        }
        let bound = NIOLoopBound((self, socket), eventLoop: loop)
        let nanoseconds =
            Int64(clamping: timeout.components.seconds &* 1_000_000_000)
            &+ timeout.components.attoseconds / 1_000_000_000
        self.timer = loop.scheduleTask(in: .nanoseconds(max(nanoseconds, 0))) {
            let (session, socket) = bound.value
            session.close(socket)
        }
    }

    func webSocket(_ socket: WebSocketHandler, didReceive message: Message, receivedAt: NIODeadline) {
        guard !self.closing, case .message(_, let pattern, _) = self.reader else { return }
        self.identity = RouteIdentity.match(pattern, in: String(buffer: message.payload))
        self.close(socket)
    }

    func webSocket(_ socket: WebSocketHandler, didCloseWith outcome: CloseOutcome, at: NIODeadline) {
        self.timer?.cancel()
        self.closed.succeed(self.identity)
    }

    private func close(_ socket: WebSocketHandler) {
        guard !self.closing else { return }
        self.closing = true
        self.timer?.cancel()
        try? socket.close(code: .normalClosure)
    }
}

@available(*, unavailable)
extension RouteProbeSession: Sendable {}
