import NIOCore
import WSProtocol

/// One connection of an `EchoServer`: the echo delegate of its `WebSocketHandler` once upgraded, and the
/// entry `stop()` uses to close it.
///
/// Event-loop-bound: created in the child channel initializer and touched only on the channel's loop.
final class EchoSession: WebSocketDelegate {
    /// The connection's channel.
    let channel: any Channel
    private let settings: EchoServerSettings
    private let loop: EchoLoopState
    /// The open WebSocket, from the upgrade until the close outcome.
    private var socket: WebSocketHandler?
    private var sawFirstMessage = false
    private var lastActivity = NIODeadline.now()
    private var idleTimer: Scheduled<Void>?
    private var dropTimer: Scheduled<Void>?
    private var stopping = false
    /// Set by `drain(grace:)`: the next answer is followed by a 1001 close in the same write.
    private var draining = false
    private var drainTimer: Scheduled<Void>?
    /// Answers to send at the end of the current read batch.
    private var pending: [Message] = []
    /// A configured close to send at the end of the current read batch.
    private var pendingClose: CloseCode?

    init(channel: any Channel, settings: EchoServerSettings, loop: EchoLoopState) {
        self.channel = channel
        self.settings = settings
        self.loop = loop
    }

    private var misbehaviour: EchoServerMisbehaviour { self.settings.configuration.misbehaviour }

    // MARK: WebSocketDelegate

    /// Idempotent, so it is safe whether the upgrade handler or the socket itself reports the opening.
    func webSocketDidOpen(_ socket: WebSocketHandler) {
        guard self.socket !== socket else { return }
        self.socket = socket
        self.loop.counters.upgrades += 1
        self.lastActivity = .now()
        if self.stopping {
            // Draining: the close follows the first answer (or the grace period); stopping: at once.
            if !self.draining { self.close(socket, code: .goingAway, reason: "server stopping") }
            return
        }
        if let delay = self.misbehaviour.dropAfter {
            self.dropTimer = self.schedule(in: EchoServer.timeAmount(delay)) { session in
                session.socket?.abort()
            }
        }
        if let idle = self.misbehaviour.idleClose {
            self.scheduleIdleCheck(in: EchoServer.timeAmount(idle))
        }
        if let code = self.misbehaviour.closeWith, self.misbehaviour.closeMoment == .afterUpgrade {
            self.close(socket, code: code, reason: "configured close")
        }
    }

    /// Queues the answer; `readComplete()` sends it.
    ///
    /// Answers are not sent from inside this callback: `WebSocketHandler.send` called from a delegate callback
    /// re-enters the handler's action loop, which starts over at the delivered message and recurses without
    /// end. Sending at the end of the read batch also writes every echo of the batch with one flush.
    func webSocket(_ socket: WebSocketHandler, didReceive message: Message, receivedAt: NIODeadline) {
        self.lastActivity = receivedAt
        if !self.sawFirstMessage {
            self.sawFirstMessage = true
            if let code = self.misbehaviour.closeWith, self.misbehaviour.closeMoment == .firstMessage {
                self.pendingClose = code
                return
            }
        }
        // After our close frame, messages still arriving (RFC 6455 §7.1.2) are not echoed.
        guard self.pendingClose == nil, socket.isOpen else { return }
        self.loop.counters.messagesEchoed += 1
        self.loop.counters.bytesEchoed += message.payload.readableBytes
        let isWhoami =
            message.kind == .text
            && message.payload.readableBytesView.elementsEqual(EchoServerConfiguration.whoamiMessage.utf8)
        self.pending.append(isWhoami ? .text(self.settings.configuration.identity) : message)
    }

    /// Sends the answers queued during the read batch that just ended, then flushes once.
    func readComplete() {
        guard let socket = self.socket else {
            self.pending.removeAll()
            return
        }
        let answered = !self.pending.isEmpty
        if answered {
            for message in self.pending {
                // A send fails only once closing has started; the echo is then moot.
                try? socket.send(message)
            }
            self.pending.removeAll(keepingCapacity: true)
        }
        if self.draining, answered {
            self.draining = false
            self.drainTimer?.cancel()
            self.close(socket, code: .goingAway, reason: "server draining")
        }
        if let code = self.pendingClose {
            self.pendingClose = nil
            self.close(socket, code: code, reason: "configured close")
        }
        socket.flush()
    }

    func webSocket(_ socket: WebSocketHandler, didCloseWith outcome: CloseOutcome, at: NIODeadline) {
        self.idleTimer?.cancel()
        self.dropTimer?.cancel()
        self.drainTimer?.cancel()
        self.idleTimer = nil
        self.dropTimer = nil
        self.drainTimer = nil
        self.socket = nil
    }

    // MARK: Stopping

    /// Closes the connection for `stop()`: with 1001 (going away) when upgraded, by ending TCP before that.
    func goAway() {
        self.stopping = true
        if let socket = self.socket {
            self.close(socket, code: .goingAway, reason: "server stopping")
        } else {
            self.channel.close(promise: nil)
        }
    }

    /// Closes the connection as a graceful server does when it is drained: every message it has read is
    /// answered, and the 1001 close goes out right after the next answer, in the same write. A client that
    /// waits for each answer before it sends again then has nothing in flight when the close arrives, so it
    /// loses nothing. An upgrade in progress completes first; a connection that sends nothing within `grace`
    /// is closed then (with 1001 once upgraded).
    func drain(grace: TimeAmount) {
        guard !self.stopping else { return }
        self.stopping = true
        self.draining = true
        self.loop.counters.drainedConnections += 1
        self.drainTimer = self.schedule(in: grace) { session in
            session.draining = false
            session.goAway()
        }
    }

    // MARK: Misbehaviours

    private func close(_ socket: WebSocketHandler, code: CloseCode, reason: String) {
        // Fails only when closing already started, which is what was wanted.
        try? socket.close(code: code, reason: reason)
    }

    /// Checks idleness at `lastActivity + idle`, so a busy connection costs one timer per idle period, not one
    /// per message.
    private func scheduleIdleCheck(in delay: TimeAmount) {
        self.idleTimer = self.schedule(in: delay) { session in
            guard let socket = session.socket, let idle = session.misbehaviour.idleClose else { return }
            let due = session.lastActivity + EchoServer.timeAmount(idle)
            let now = NIODeadline.now()
            if now >= due {
                session.close(socket, code: session.misbehaviour.idleCloseCode, reason: "idle")
            } else {
                session.scheduleIdleCheck(in: due - now)
            }
        }
    }

    private func schedule(in delay: TimeAmount, _ body: @escaping (EchoSession) -> Void) -> Scheduled<Void> {
        let bound = NIOLoopBound((self, body), eventLoop: self.channel.eventLoop)
        return self.channel.eventLoop.scheduleTask(in: delay) {
            let (session, body) = bound.value
            body(session)
        }
    }
}

@available(*, unavailable)
extension EchoSession: Sendable {}
