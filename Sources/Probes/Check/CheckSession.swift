import NIOCore
import ResultCodes
import RunResults
import WSProtocol
import WSTransport

/// Drives the post-upgrade part of a check on the connection's event loop: echo round trips, an optional ping,
/// then the closing handshake, each bounded by the reply timeout.
final class CheckSession: WebSocketDelegate {
    /// What the session observed, handed to `CheckRun` when the connection is over.
    struct Outcome: Sendable {
        var openedAt: NIODeadline?
        var echoes: [TimeAmount] = []
        /// Wire bytes written and read once the last echo came back (only echo frames had passed by then).
        var echoWire: (sent: Int, received: Int)?
        var ping: TimeAmount?
        var closeStartedAt: NIODeadline?
        var closedAt: NIODeadline?
        var close: CloseOutcome?
        /// How TCP ended (FIN, RST, or wsprobe), as the handler saw it.
        var transport: TransportEnd?
        /// Messages the server sent that were not the echo being waited for (a greeting, a broadcast).
        var unsolicited = UnsolicitedMessages()
        var failure: CheckFailure?
    }

    private let plan: CheckPlan
    private let finished: EventLoopPromise<Outcome>
    private var outcome = Outcome()
    private var sentAt: NIODeadline?
    private var expected: ByteBuffer?
    private var pingPayload: ByteBuffer?
    private var timer: Scheduled<Void>?
    /// Unsolicited messages that arrived while the current echo was awaited: if it never comes, they are
    /// what came back instead (`echo.mismatch`).
    private var unsolicitedSinceSend = 0

    init(plan: CheckPlan, finished: EventLoopPromise<Outcome>) {
        self.plan = plan
        self.finished = finished
    }

    func webSocketDidOpen(_ socket: WebSocketHandler) {
        self.outcome.openedAt = .now()
        self.next(socket)
    }

    /// An echo ends the wait for it; any other message (a greeting behind the 101, a broadcast) is counted as
    /// unsolicited and the wait goes on, as the load engine does.
    func webSocket(_ socket: WebSocketHandler, didReceive message: Message, receivedAt: NIODeadline) {
        let kind = self.plan.binary ? Message.Kind.binary : .text
        guard let expected = self.expected, let sentAt = self.sentAt, message.kind == kind, message.payload == expected
        else {
            self.outcome.unsolicited.record(message)
            if self.expected != nil { self.unsolicitedSinceSend += 1 }
            return
        }
        self.timer?.cancel()
        self.outcome.echoes.append(receivedAt - sentAt)
        if self.outcome.echoes.count == self.plan.echoCount {
            self.outcome.echoWire = (socket.wireBytesWritten, socket.wireBytesRead)
        }
        self.expected = nil
        self.next(socket)
    }

    func webSocket(_ socket: WebSocketHandler, didReceivePong payload: ByteBuffer, receivedAt: NIODeadline) {
        guard let expected = self.pingPayload, let sentAt = self.sentAt, payload == expected else { return }
        self.timer?.cancel()
        self.outcome.ping = receivedAt - sentAt
        self.pingPayload = nil
        self.next(socket)
    }

    func webSocket(_ socket: WebSocketHandler, didCloseWith outcome: CloseOutcome, at: NIODeadline) {
        self.timer?.cancel()
        self.outcome.closedAt = at
        self.outcome.close = outcome
        self.outcome.transport = socket.transportEnd
        if self.outcome.failure == nil, self.outcome.closeStartedAt == nil {
            self.outcome.failure = Self.earlyClose(
                outcome,
                transport: socket.transportEnd,
                plan: self.plan,
                outcome: self.outcome,
                at: at
            )
        } else if self.outcome.failure == nil, let error = outcome.error {
            self.outcome.failure = .init(phase: Phase.close.rawValue, code: error.code, message: error.description)
        }
        self.finished.succeed(self.outcome)
    }

    // MARK: Steps

    private func next(_ socket: WebSocketHandler) {
        if self.outcome.echoes.count < self.plan.echoCount {
            let payload = self.plan.payload(index: self.outcome.echoes.count)
            self.expected = payload
            self.unsolicitedSinceSend = 0
            self.sentAt = .now()
            self.send(socket, self.plan.binary ? .binary(payload) : Message(kind: .text, payload: payload))
            self.startTimer(socket, waitingFor: "echo \(self.outcome.echoes.count + 1) of \(self.plan.echoCount)")
        } else if self.plan.ping, self.outcome.ping == nil, self.pingPayload == nil {
            let payload = ByteBuffer(string: "wsprobe-ping")
            self.pingPayload = payload
            self.sentAt = .now()
            do {
                try socket.sendPing(payload)
            } catch {
                return self.fail(socket, code: error.code, error.description)
            }
            self.startTimer(socket, waitingFor: "the pong")
        } else {
            self.outcome.closeStartedAt = .now()
            try? socket.close(code: self.plan.closeCode)
        }
    }

    private func send(_ socket: WebSocketHandler, _ message: Message) {
        do {
            try socket.send(message)
        } catch {
            self.fail(socket, code: error.code, error.description)
        }
    }

    private func startTimer(_ socket: WebSocketHandler, waitingFor what: String) {
        guard let loop = socket.channel?.eventLoop else { return }
        let bound = NIOLoopBound((self, socket), eventLoop: loop)
        let timeout = self.plan.replyTimeout
        self.timer = loop.scheduleTask(in: timeout) {
            let (session, socket) = bound.value
            let seconds = Double(timeout.nanoseconds) / 1e9
            if session.expected != nil, session.unsolicitedSinceSend > 0 {
                let count = session.unsolicitedSinceSend
                return session.fail(
                    socket,
                    code: ErrorCode.echoMismatch.rawValue,
                    "Echo \(session.outcome.echoes.count + 1) of \(session.plan.echoCount) did not come back within"
                        + " \(seconds) s; \(count) message\(count == 1 ? "" : "s") that did not match what was sent"
                        + " arrived instead (\(session.outcome.unsolicited.latest)): the target is not an echo server?"
                )
            }
            session.fail(
                socket,
                code: ErrorCode.timeoutOpen.rawValue,
                "No reply to \(what) within \(seconds) s: the connection is open but nothing comes back"
                    + " (a proxy buffering frames, or a target that does not echo?)."
            )
        }
    }

    private func fail(_ socket: WebSocketHandler, code: String, _ message: String) {
        guard self.outcome.failure == nil else { return }
        self.outcome.failure = .init(phase: Phase.open.rawValue, code: code, message: message)
        self.outcome.closeStartedAt = .now()
        try? socket.close(code: .normalClosure)
    }

    /// The server ended the connection before the check finished: name the code and how soon.
    private static func earlyClose(
        _ close: CloseOutcome,
        transport: TransportEnd?,
        plan: CheckPlan,
        outcome: Outcome,
        at: NIODeadline
    ) -> CheckFailure {
        if let error = close.error {
            return .init(phase: Phase.open.rawValue, code: error.code, message: error.description)
        }
        let after = outcome.openedAt.map { Double((at - $0).nanoseconds) / 1e6 } ?? 0
        let step =
            outcome.echoes.count < plan.echoCount
            ? "before echo \(outcome.echoes.count + 1) of \(plan.echoCount) came back" : "before the ping was answered"
        let reset = close.code == .abnormalClosure && transport == .peerReset
        let how =
            close.code != .abnormalClosure
            ? "closed with \(close.code.rawValue)\(close.reason.isEmpty ? "" : " '\(close.reason)'")"
            : (reset ? "reset TCP (RST) without a close frame (1006)" : "ended TCP without a close frame (1006)")
        return .init(
            phase: Phase.open.rawValue,
            code: (reset ? ErrorCode.resetOpen : ErrorCode.closedOpen).rawValue,
            message: "The server \(how) \(CheckFormat.milliseconds(after)) after the upgrade, \(step)"
                + " (an idle timeout right after the upgrade, or a draining target?)."
        )
    }
}

@available(*, unavailable)
extension CheckSession: Sendable {}
