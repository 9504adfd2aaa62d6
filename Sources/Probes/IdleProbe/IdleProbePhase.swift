import NIOCore
import RunResults
import WSTransport

/// A batch of probe connections opened at once on one event loop, held until they close, the hold time ends,
/// or (for silent batches) a grace period after the first closure by the peer ends.
final class IdleProbePhase {
    private let loop: any EventLoop
    private let connect: ConnectOptions
    private let promise: EventLoopPromise<[IdleProbeObservation]>
    private let grace: TimeAmount?
    private let tick: (@Sendable (IdleProbePhaseCounts) -> Void)?
    private var sessions: [IdleProbeSession] = []
    private var timers: [Scheduled<Void>] = []
    private var ticker: RepeatedTask?
    private var stopping = false

    /// Runs the batch and returns every connection's observation, in the order of `modes`.
    ///
    /// - Parameters:
    ///   - modes: one connection per entry.
    ///   - interval: the heartbeat interval of the heartbeat modes.
    ///   - hold: how long after the start the remaining connections are closed.
    ///   - grace: for a silent batch, how long after the first closure by the peer the rest are closed.
    ///   - tick: called on the loop once a second with the batch's counts while it runs.
    static func run(
        modes: [IdleProbeMode],
        interval: TimeAmount?,
        hold: TimeAmount,
        grace: TimeAmount?,
        connect: ConnectOptions,
        on loop: any EventLoop,
        tick: (@Sendable (IdleProbePhaseCounts) -> Void)? = nil
    ) async throws -> [IdleProbeObservation] {
        let promise = loop.makePromise(of: [IdleProbeObservation].self)
        loop.execute {
            let phase = IdleProbePhase(loop: loop, connect: connect, promise: promise, grace: grace, tick: tick)
            phase.start(modes: modes, interval: interval, hold: hold)
        }
        return try await promise.futureResult.get()
    }

    private init(
        loop: any EventLoop,
        connect: ConnectOptions,
        promise: EventLoopPromise<[IdleProbeObservation]>,
        grace: TimeAmount?,
        tick: (@Sendable (IdleProbePhaseCounts) -> Void)?
    ) {
        self.loop = loop
        self.connect = connect
        self.promise = promise
        self.grace = grace
        self.tick = tick
    }

    private func start(modes: [IdleProbeMode], interval: TimeAmount?, hold: TimeAmount) {
        let bound = NIOLoopBound(self, eventLoop: self.loop)
        self.sessions = modes.map { mode in
            IdleProbeSession(mode: mode, interval: interval) { session in bound.value.sessionEnded(session) }
        }
        guard !self.sessions.isEmpty else { return self.promise.succeed([]) }
        self.timers.append(self.loop.scheduleTask(in: hold) { bound.value.stopAll() })
        if let tick = self.tick {
            self.ticker = self.loop.scheduleRepeatedTask(initialDelay: .seconds(1), delay: .seconds(1)) { _ in
                tick(IdleProbePhaseCounts(bound.value.sessions.map(\.observation)))
            }
        }
        for session in self.sessions {
            let sessionBound = NIOLoopBound(session, eventLoop: self.loop)
            WebSocketConnector.connect(options: self.connect, on: self.loop, delegate: session).whenFailure { error in
                let description = (error as? ConnectFailure).map { "\($0.error.code): \($0.description)" } ?? "\(error)"
                sessionBound.value.connectFailed(description)
            }
        }
    }

    private func sessionEnded(_ session: IdleProbeSession) {
        if let grace = self.grace, session.observation.closedByPeer, !self.stopping {
            let bound = NIOLoopBound(self, eventLoop: self.loop)
            self.stopping = true
            self.timers.append(self.loop.scheduleTask(in: grace) { bound.value.stopAll() })
        }
        guard self.sessions.allSatisfy(\.isDone) else { return }
        for timer in self.timers { timer.cancel() }
        self.ticker?.cancel()
        self.promise.succeed(self.sessions.map(\.observation))
        self.sessions = []
    }

    private func stopAll() {
        self.stopping = true
        for session in self.sessions { session.stop() }
    }
}

@available(*, unavailable)
extension IdleProbePhase: Sendable {}

/// How a batch's connections stand: open, closed by the peer, failed to open, heartbeats sent.
struct IdleProbePhaseCounts: Sendable, Hashable {
    var open = 0
    var closedByPeer = 0
    var failed = 0
    var heartbeatsSent = 0

    init(_ observations: [IdleProbeObservation]) {
        for observation in observations {
            if observation.openedAt != nil, observation.closedAt == nil { self.open += 1 }
            if observation.closedByPeer { self.closedByPeer += 1 }
            if observation.openedAt == nil, observation.failure != nil { self.failed += 1 }
            self.heartbeatsSent += observation.heartbeatsSent
        }
    }
}
