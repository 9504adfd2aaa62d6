import NIOCore
import RunResults
import WSProtocol
import WSTransport

/// One probe connection on the probe's event loop: stays silent or sends a heartbeat every interval, and
/// reports its observation when the connection is over.
final class IdleProbeSession: WebSocketDelegate {
    private(set) var observation: IdleProbeObservation
    private let interval: TimeAmount?
    private let finished: (IdleProbeSession) -> Void
    private var socket: WebSocketHandler?
    private var heartbeat: RepeatedTask?
    private(set) var isDone = false
    private var stopRequested = false

    /// - Parameters:
    ///   - mode: what to send while waiting.
    ///   - interval: the heartbeat interval (ignored for `.none`).
    ///   - finished: called once, on the event loop, when the connection is over.
    init(mode: IdleProbeMode, interval: TimeAmount?, finished: @escaping (IdleProbeSession) -> Void) {
        self.observation = IdleProbeObservation(mode: mode)
        self.interval = mode == .none ? nil : interval
        self.finished = finished
    }

    func webSocketDidOpen(_ socket: WebSocketHandler) {
        let now = NIODeadline.now()
        self.socket = socket
        self.observation.openedAt = now
        self.observation.lastActivity = now
        if self.stopRequested { return self.stop() }
        guard let interval = self.interval, let loop = socket.channel?.eventLoop else { return }
        let bound = NIOLoopBound(self, eventLoop: loop)
        self.heartbeat = loop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { _ in
            bound.value.beat()
        }
    }

    func webSocket(_ socket: WebSocketHandler, didReceive message: Message, receivedAt: NIODeadline) {
        self.observation.repliesReceived += 1
        self.observation.lastActivity = receivedAt
    }

    func webSocket(_ socket: WebSocketHandler, didReceivePong payload: ByteBuffer, receivedAt: NIODeadline) {
        self.observation.repliesReceived += 1
        self.observation.lastActivity = receivedAt
    }

    func webSocket(_ socket: WebSocketHandler, didCloseWith outcome: CloseOutcome, at: NIODeadline) {
        self.heartbeat?.cancel()
        self.heartbeat = nil
        self.socket = nil
        self.observation.closedAt = at
        self.observation.close = outcome
        self.observation.transportEnd = socket.transportEnd
        if let error = outcome.error {
            self.observation.failure = "\(error.code): \(error.description)"
        }
        self.finish()
    }

    /// The connection could not be opened.
    func connectFailed(_ description: String) {
        self.observation.failure = description
        self.finish()
    }

    /// Hold time is over: close normally; the observation counts as survived.
    func stop() {
        self.stopRequested = true
        guard !self.isDone, let socket = self.socket else { return }
        self.observation.stoppedByProbe = true
        self.heartbeat?.cancel()
        // Fails only when closing already started, which is what was wanted.
        try? socket.close(code: .normalClosure, reason: "probe done")
    }

    private func beat() {
        guard let socket = self.socket, socket.isOpen else { return }
        let payload = ByteBuffer(string: "wsprobe-idle-heartbeat")
        do {
            switch self.observation.mode {
            case .none: return
            case .ping: try socket.sendPing(payload)
            case .pong: try socket.sendPong(payload)
            case .data: try socket.send(Message(kind: .text, payload: payload))
            }
        } catch {
            return
        }
        self.observation.heartbeatsSent += 1
        self.observation.lastActivity = .now()
    }

    private func finish() {
        guard !self.isDone else { return }
        self.isDone = true
        self.finished(self)
    }
}

@available(*, unavailable)
extension IdleProbeSession: Sendable {}
