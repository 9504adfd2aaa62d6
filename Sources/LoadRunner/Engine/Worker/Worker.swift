import LoadMetrics
package import NIOCore
import ResultCodes
import RunResults
import Scenario
import WSTransport

/// One worker per event loop: owns its connections, its `MetricsRecorder`, its slots, arrivals and permits,
/// and touches them only on its loop (docs/architecture.md). The coordinator talks to it through
/// `loop.submit`. It reads time only through `clock` and opens connections only through `factory`.
package final class Worker {
    /// How often the worker checks its ramp, arrivals and pipelined timeouts.
    static let heartbeat = TimeAmount.milliseconds(5)
    /// Connects a worker starts per heartbeat at most (100,000 per second per worker).
    static let maxStartsPerTick = 500

    package let loop: any EventLoop
    package let plan: RunPlan
    package let index: Int
    /// This worker's share of the run (the run's shard split once more per worker).
    package let shard: Shard
    let factory: any ConnectionFactory
    let clock: EngineClock
    var recorder: MetricsRecorder
    /// What every connection's core shares; the plan's script is copied for this worker: each connection's
    /// interpreter retains it on every run, and a reference count shared by the workers would bounce between
    /// their cores.
    let coreConfiguration: ConnectionCore.Configuration
    let allocator = ByteBufferAllocator()
    var matcher = MessageMatcher()
    var unsolicitedMessages: UInt64 = 0
    /// Error samples and the first upgrade's details, filled on failure paths only (never per message).
    var samples = WorkerSamples()
    /// Upgrade requests answered with the scenario's `expect.status` when it is not 101.
    var expectedStatusAnswers: UInt64 = 0
    /// Most connections open at once on this worker.
    var peakOpen: UInt64 = 0
    /// When the first connection attempt started and the last upgrade completed (monotonic nanoseconds).
    var firstAttempt: UInt64?
    var lastUpgrade: UInt64?
    var limits: [LimitKind: UInt64] = [:]
    var active: [ObjectIdentifier: LoadConnection] = [:]
    var slots: ConnectionSlots
    private(set) var startNanoseconds: UInt64 = 0
    private(set) var started = false
    private(set) var stopping = false
    private var arrivals: Arrivals?
    private var permits: PermitQueue?
    private var permitTimer: Scheduled<Void>?
    private var heartbeatTask: RepeatedTask?
    private var ticks = 0
    var sourceCounter: Int
    private var nextConnection = 0

    package init(
        plan: RunPlan,
        index: Int,
        workerCount: Int,
        loop: any EventLoop,
        factory: any ConnectionFactory = WebSocketConnectionFactory(),
        clock: EngineClock = .system
    ) throws(ShardError) {
        self.loop = loop
        self.plan = plan
        self.index = index
        self.factory = factory
        self.clock = clock
        let shard = try plan.shard.subshard(index, of: workerCount)
        self.shard = shard
        self.recorder = MetricsRecorder(configuration: plan.histograms)
        let instructions = plan.program.instructions.map { $0 }
        var slotCount = 0
        var lifetime: UInt64?
        if case .closed(_, let maxConnections, let churn) = plan.load {
            slotCount = shard.share(of: maxConnections)
            lifetime = churn?.lifetime?.nanosecondsClamped
        }
        self.coreConfiguration = ConnectionCore.Configuration(
            program: instructions,
            messages: plan.messages,
            inFlight: plan.inFlight,
            stampsEverySend: Self.stampsEverySend(instructions),
            lifetimeNanoseconds: lifetime,
            seed: plan.seed
        )
        self.sourceCounter = shard.index
        self.slots = ConnectionSlots(count: slotCount, seed: plan.seed &+ UInt64(shard.index) &* 0x9E37)
    }

    /// Whether every send of the script carries a sequence stamp (sized payloads large enough for one): then a
    /// message without one is never an echo but unsolicited (a greeting, a push), and is not matched against
    /// the oldest send.
    private static func stampsEverySend(_ instructions: [ScriptProgram.Instruction]) -> Bool {
        !instructions.contains { instruction in
            guard case .send(let kind, let payload) = instruction else { return false }
            guard case .sized(let size) = payload else { return true }
            return size < (kind == .text ? MessageStamp.textLength : MessageStamp.binaryLength)
        }
    }

    /// Monotonic nanoseconds, the clock of every timestamp in the engine.
    func now() -> UInt64 { self.clock.now(on: self.loop) }

    // MARK: Lifecycle (on the loop)

    /// Starts the worker's schedule at `startNanoseconds` (shared by all workers).
    package func start(atNanoseconds start: UInt64) {
        self.loop.preconditionInEventLoop()
        self.started = true
        self.startNanoseconds = start
        let seed = self.plan.seed &+ UInt64(self.shard.index)
        if case .open(let schedule, let spacing, let maxConnections) = self.plan.load {
            let pacer = Pacer(
                schedule: schedule,
                spacing: spacing == .poisson ? .poisson(seed: seed) : .constant,
                startNanoseconds: start,
                endNanoseconds: self.runEndNanoseconds,
                shard: self.shard
            )
            self.arrivals = Arrivals(pacer: pacer, cap: maxConnections.map { max(1, self.shard.share(of: $0)) })
        }
        if let messages = self.plan.messages, messages.per == .total {
            let pacer = Pacer(
                ratePerSecond: messages.rate.perSecond,
                spacing: messages.spacing == .poisson ? .poisson(seed: seed ^ 0xA5A5) : .constant,
                startNanoseconds: start,
                endNanoseconds: self.runEndNanoseconds,
                shard: self.shard
            )
            self.permits = PermitQueue(pacer: pacer)
            self.schedulePermitTimer()
        }
        self.tick()
        self.heartbeatTask = self.loop.scheduleRepeatedTask(initialDelay: Self.heartbeat, delay: Self.heartbeat) {
            [bound = NIOLoopBound(self, eventLoop: self.loop)] _ in
            bound.value.tick()
        }
    }

    /// The run's end in monotonic nanoseconds (start plus the planned duration), if it has one: pacers hand
    /// out nothing due at or after it, so a stop that reaches this loop late sends no extra messages.
    var runEndNanoseconds: UInt64? {
        guard self.started, let duration = self.plan.durationNanoseconds else { return nil }
        return self.startNanoseconds &+ duration
    }

    /// Stops starting work and closes every connection with `code` (1000 at the end, 1001 when interrupted).
    package func stop(code: UInt16) {
        guard !self.stopping else { return }
        self.stopping = true
        self.heartbeatTask?.cancel()
        self.permitTimer?.cancel()
        for slot in 0..<self.slots.count {
            if case .backoff = self.slots.slots[slot] { self.slots.release(slot) }
            self.slots.lostSince[slot] = nil
        }
        for connection in Array(self.active.values) { connection.stop(code: code, drain: code == 1000) }
    }

    /// Closes whatever is still open without a handshake (after the drain time).
    package func abortAll() {
        for connection in self.active.values { connection.abort() }
    }

    /// The interval snapshot and engine counts; resets the interval.
    package func report() -> WorkerReport {
        for connection in self.active.values { connection.reportWireBytes() }
        return WorkerReport(
            metrics: self.recorder.snapshot(resetInterval: true),
            targetConnections: self.currentTarget(),
            limits: self.limits,
            unsolicitedMessages: self.unsolicitedMessages,
            skippedSends: self.permits?.skipped ?? 0,
            finished: self.isFinished,
            activeConnections: self.active.count,
            peakOpen: self.peakOpen,
            firstAttemptNanoseconds: self.firstAttempt,
            lastUpgradeNanoseconds: self.lastUpgrade,
            samples: self.samples,
            expectedStatusAnswers: self.expectedStatusAnswers
        )
    }

    private var isFinished: Bool {
        guard self.started, self.active.isEmpty else { return false }
        if self.stopping { return true }
        switch self.plan.load {
        case .closed(let ramp, _, _):
            guard self.now() &- self.startNanoseconds >= ramp.durationNanoseconds else { return false }
            return self.slots.allFinished(target: self.currentTarget())
        case .open:
            return self.arrivals?.isFinished ?? true
        }
    }

    func currentTarget() -> Int {
        guard case .closed(let ramp, _, _) = self.plan.load else { return self.active.count }
        guard self.started else { return 0 }
        return min(
            self.slots.count,
            self.shard.share(of: ramp.target(atElapsedNanoseconds: self.now() &- self.startNanoseconds))
        )
    }

    // MARK: Heartbeat

    func tick() {
        guard !self.stopping else { return }
        let now = self.now()
        switch self.plan.load {
        case .closed:
            self.scanSlots()
        case .open:
            while var arrivals = self.arrivals, arrivals.popDue(now: now) {
                self.arrivals = arrivals
                if let cap = arrivals.cap, self.active.count >= cap {
                    self.recordError(code: ErrorCode.loadMaxConnections, phase: Phase.tcp) {
                        "An arrival found max_connections connections open and was not started."
                    }
                    continue
                }
                self.open(slot: nil)
            }
        }
        self.ticks &+= 1
        if self.ticks % 20 == 0 {
            for connection in self.active.values where connection.hasOutstanding { connection.sweep(now: now) }
        }
    }

    func open(slot: Int?) {
        let id = self.shard.index + self.nextConnection * self.shard.count
        self.nextConnection += 1
        let connection = LoadConnection(worker: self, id: id, slot: slot)
        self.active[ObjectIdentifier(connection)] = connection
        if let slot { self.slots.slots[slot] = .running(connection) }
        connection.start()
    }

    // MARK: Total-rate permits

    /// A due permit's intended time, if one is ready now, but never before `readySince`: a permit that came
    /// due while no connection could send is not charged to the next message's latency.
    func takeTotalPermit(readySince: UInt64) -> UInt64? {
        self.permits?.take(now: self.now()).map { max($0, readySince) }
    }

    /// Queues `connection` for the next total-rate permit.
    func waitForPermit(_ connection: LoadConnection) {
        self.permits?.enqueue(connection)
    }

    private func schedulePermitTimer() {
        guard !self.stopping, let next = self.permits?.nextIntendedNanoseconds else { return }
        let bound = NIOLoopBound(self, eventLoop: self.loop)
        self.permitTimer = self.loop.scheduleTask(deadline: .uptimeNanoseconds(next)) {
            bound.value.permitsDue()
        }
    }

    private func permitsDue() {
        let now = self.now()
        self.permits?.collectDue(now: now)
        while let grant = self.permits?.nextGrant(now: now) {
            if let since = grant.waiter.waitingForPermitSince {
                grant.waiter.permitGranted(intended: max(grant.intended, since))
            } else {
                self.permits?.putBack(grant.intended)
            }
        }
        self.permits?.skipStale(now: now)
        self.schedulePermitTimer()
    }
}

@available(*, unavailable)
extension Worker: Sendable {}
