import Foundation
import LoadMetrics
package import NIOCore
import RunResults
import Scenario
import WSProtocol
import WSTransport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One worker per event loop: owns its connections, its `MetricsRecorder` and its pacers, and touches them
/// only on its loop (docs/architecture.md). The coordinator talks to it through `loop.submit`.
package final class Worker {
    private enum Slot {
        case idle
        case running(LoadConnection)
        case backoff(Scheduled<Void>)
        case done
    }

    /// How often the worker checks its ramp, arrivals and pipelined timeouts.
    static let heartbeat = TimeAmount.milliseconds(5)
    /// Connects a worker starts per heartbeat at most (100,000 per second per worker).
    static let maxStartsPerTick = 500

    package let loop: any EventLoop
    package let plan: RunPlan
    package let index: Int
    /// This worker's share of the run (the run's shard split once more per worker).
    package let shard: Shard
    var recorder: MetricsRecorder
    /// The plan's script, copied for this worker: each connection's interpreter retains it on every run, and a
    /// reference count shared by the workers would bounce between their cores.
    let instructions: [ScriptProgram.Instruction]
    /// Whether every send of the script carries a sequence stamp (sized payloads large enough for one): then a
    /// message without one is never an echo but unsolicited (a greeting, a push), and is not matched against the
    /// oldest send.
    let stampsEverySend: Bool
    let allocator = ByteBufferAllocator()
    let lifetimeNanoseconds: UInt64?
    var unsolicitedMessages: UInt64 = 0
    /// Error samples and the first upgrade's details, filled on failure paths only (never per message).
    var samples = WorkerSamples()
    /// Upgrade requests answered with the scenario's `expect.status` when it is not 101.
    var expectedStatusAnswers: UInt64 = 0
    /// Most connections open at once on this worker.
    private(set) var peakOpen: UInt64 = 0
    /// When the first connection attempt started and the last upgrade completed (monotonic nanoseconds).
    var firstAttempt: UInt64?
    var lastUpgrade: UInt64?
    private var skippedSends: UInt64 = 0
    private var limits: [LimitKind: UInt64] = [:]
    private var active: [ObjectIdentifier: LoadConnection] = [:]
    private var slots: [Slot] = []
    private var slotFailures: [Int] = []
    /// Per slot: when the server or the network ended its last upgraded connection (monotonic
    /// nanoseconds), while the slot reconnects; the replacement's upgrade records the `reconnect` time.
    private var lostSince: [UInt64?] = []
    /// The ramp target of the last slot scan, and whether a slot changed since (so idle ticks cost nothing).
    private var scannedTarget = -1
    private var slotsChanged = true
    private var startNanoseconds: UInt64 = 0
    private var started = false
    private var stopping = false
    private var arrivals: Pacer?
    private var permits: Pacer?
    private var permitTimer: Scheduled<Void>?
    private var duePermits: [UInt64] = []
    private var duePermitHead = 0
    private var waiters: [LoadConnection] = []
    private var waiterHead = 0
    private var heartbeatTask: RepeatedTask?
    private var ticks = 0
    private var sourceCounter: Int
    private var nextConnection = 0
    private var regexes: [String: Regex<AnyRegexOutput>] = [:]
    private var random: SplitMix64

    package init(plan: RunPlan, index: Int, workerCount: Int, loop: any EventLoop) throws(ShardError) {
        self.loop = loop
        self.plan = plan
        self.index = index
        self.shard = try plan.shard.subshard(index, of: workerCount)
        self.recorder = MetricsRecorder(configuration: plan.histograms)
        self.instructions = plan.program.instructions.map { $0 }
        self.stampsEverySend = !self.instructions.contains { instruction in
            guard case .send(let kind, let payload) = instruction else { return false }
            guard case .sized(let size) = payload else { return true }
            return size < (kind == .text ? MessageStamp.textLength : MessageStamp.binaryLength)
        }
        self.sourceCounter = self.shard.index
        self.random = SplitMix64(seed: plan.seed &+ UInt64(self.shard.index) &* 0x9E37)
        if case .closed(_, let maxConnections, let churn) = plan.load {
            let count = self.shard.share(of: maxConnections)
            self.slots = Array(repeating: .idle, count: count)
            self.slotFailures = Array(repeating: 0, count: count)
            self.lostSince = Array(repeating: nil, count: count)
            self.lifetimeNanoseconds = churn?.lifetime?.nanosecondsClamped
        } else {
            self.lifetimeNanoseconds = nil
        }
    }

    /// Monotonic nanoseconds, the clock of every timestamp in the engine.
    static func now() -> UInt64 { NIODeadline.now().uptimeNanoseconds }

    // MARK: Lifecycle (on the loop)

    /// Starts the worker's schedule at `startNanoseconds` (shared by all workers).
    package func start(atNanoseconds start: UInt64) {
        self.loop.preconditionInEventLoop()
        self.started = true
        self.startNanoseconds = start
        let seed = self.plan.seed &+ UInt64(self.shard.index)
        if case .open(let schedule, let spacing, _) = self.plan.load {
            self.arrivals = Pacer(
                schedule: schedule,
                spacing: spacing == .poisson ? .poisson(seed: seed) : .constant,
                startNanoseconds: start,
                endNanoseconds: self.runEndNanoseconds,
                shard: self.shard
            )
        }
        if let messages = self.plan.messages, messages.per == .total {
            self.permits = Pacer(
                ratePerSecond: messages.rate.perSecond,
                spacing: messages.spacing == .poisson ? .poisson(seed: seed ^ 0xA5A5) : .constant,
                startNanoseconds: start,
                endNanoseconds: self.runEndNanoseconds,
                shard: self.shard
            )
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
        for index in self.slots.indices {
            if case .backoff(let timer) = self.slots[index] {
                timer.cancel()
                self.slots[index] = .idle
            }
            self.lostSince[index] = nil
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
            skippedSends: self.skippedSends,
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
            guard Self.now() &- self.startNanoseconds >= ramp.durationNanoseconds else { return false }
            let target = self.currentTarget()
            for (index, slot) in self.slots.enumerated() {
                switch slot {
                case .backoff, .running: return false
                case .idle where index < target: return false
                default: continue
                }
            }
            return true
        case .open:
            return self.arrivals?.isFinished ?? true
        }
    }

    private func currentTarget() -> Int {
        guard case .closed(let ramp, _, _) = self.plan.load else { return self.active.count }
        guard self.started else { return 0 }
        return min(
            self.slots.count,
            self.shard.share(of: ramp.target(atElapsedNanoseconds: Self.now() &- self.startNanoseconds))
        )
    }

    // MARK: Heartbeat

    private func tick() {
        guard !self.stopping else { return }
        let now = Self.now()
        switch self.plan.load {
        case .closed:
            let target = self.currentTarget()
            guard target != self.scannedTarget || self.slotsChanged else { break }
            self.slotsChanged = false
            self.scannedTarget = target
            var started = 0
            for index in self.slots.indices {
                switch self.slots[index] {
                case .idle where index < target:
                    // Bound the connects started per tick so the loop stays responsive; the rest follow.
                    guard started < Self.maxStartsPerTick else {
                        self.slotsChanged = true
                        break
                    }
                    started += 1
                    self.open(slot: index)
                case .running(let connection) where index >= target:
                    self.slots[index] = .idle
                    self.lostSince[index] = nil
                    connection.stop(code: 1000, drain: true)
                case .backoff(let timer) where index >= target:
                    timer.cancel()
                    self.slots[index] = .idle
                    self.lostSince[index] = nil
                default:
                    break
                }
            }
        case .open(_, _, let maxConnections):
            let cap = maxConnections.map { max(1, self.shard.share(of: $0)) }
            while var arrivals = self.arrivals, arrivals.popDue(atNanoseconds: now) != nil {
                self.arrivals = arrivals
                if let cap, self.active.count >= cap {
                    self.recordError(code: "load.max-connections", phase: "tcp") {
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

    private func open(slot: Int?) {
        let id = self.shard.index + self.nextConnection * self.shard.count
        self.nextConnection += 1
        let connection = LoadConnection(worker: self, id: id, slot: slot)
        self.active[ObjectIdentifier(connection)] = connection
        if let slot { self.slots[slot] = .running(connection) }
        connection.start()
    }

    /// Called when a connection completes its upgrade; a replacement for a connection the server or the
    /// network ended records the reconnect time.
    func connectionOpened(_ connection: LoadConnection) {
        let now = Self.now()
        self.lastUpgrade = now
        self.recorder.connectionOpened(target: connection.target)
        self.peakOpen = max(self.peakOpen, self.recorder.connectionsOpen)
        if let slot = connection.slot, slot < self.lostSince.count, let since = self.lostSince[slot] {
            self.lostSince[slot] = nil
            self.recorder.recordReconnect(nanoseconds: now &- min(now, since))
        }
    }

    /// Called once by each connection when it is over.
    func connectionEnded(_ connection: LoadConnection, end: ConnectionEnd) {
        self.active.removeValue(forKey: ObjectIdentifier(connection))
        self.slotsChanged = true
        guard let slot = connection.slot, slot < self.slots.count else { return }
        guard case .running(let current) = self.slots[slot], current === connection else { return }
        guard !self.stopping else {
            self.slots[slot] = .idle
            self.lostSince[slot] = nil
            return
        }
        guard case .closed(_, _, let churn) = self.plan.load else { return }
        switch end {
        case .completed:
            self.slotFailures[slot] = 0
            self.lostSince[slot] = nil
            self.slots[slot] = churn == nil ? .done : .idle
        case .lifetime, .stopped:
            self.slotFailures[slot] = 0
            self.lostSince[slot] = nil
            self.slots[slot] = .idle
        case .failed:
            guard let backoff = churn?.reconnect else {
                self.slots[slot] = .done
                return
            }
            // The reconnect runs from the first loss; failed attempts in between belong to it.
            if self.lostSince[slot] == nil, let lostAt = connection.lostAt { self.lostSince[slot] = lostAt }
            self.slotFailures[slot] += 1
            if let maxAttempts = backoff.maxAttempts, self.slotFailures[slot] > maxAttempts {
                self.slots[slot] = .done
                self.lostSince[slot] = nil
                return
            }
            let delay = self.backoffDelay(backoff, failures: self.slotFailures[slot])
            let bound = NIOLoopBound(self, eventLoop: self.loop)
            self.slots[slot] = .backoff(
                self.loop.scheduleTask(in: .nanoseconds(Int64(clamping: delay))) {
                    let worker = bound.value
                    guard case .backoff = worker.slots[slot], !worker.stopping else { return }
                    worker.slots[slot] = .idle
                    worker.slotsChanged = true
                    worker.tick()
                }
            )
        }
    }

    /// RFC 6455 §7.2.3: reconnect after a randomised, truncated exponential backoff, so clients that lost
    /// their connections together do not come back together. `min · 2^(failures-1)`, capped at `max`, then
    /// reduced by up to `jitter` of itself at random.
    private func backoffDelay(_ backoff: Backoff, failures: Int) -> UInt64 {
        let minimum = Double(backoff.min.nanosecondsClamped)
        let maximum = Double(backoff.max.nanosecondsClamped)
        let exponential = min(maximum, minimum * pow(2, Double(min(failures - 1, 62))))
        let unit = Double(self.random.next() >> 11) * 0x1.0p-53
        let jitter = min(1, max(0, backoff.jitter))
        return UInt64(max(0, exponential * (1 - jitter * unit)))
    }

    // MARK: Services for connections

    /// The next local address, round robin over `--source` addresses.
    func nextSourceAddress() -> SocketAddress? {
        guard !self.plan.sources.isEmpty else { return nil }
        let address = self.plan.sources[self.sourceCounter % self.plan.sources.count]
        self.sourceCounter &+= 1
        return address
    }

    /// Counts an error of `code` (by `target` too, when the connection's target reported an identity) and
    /// keeps a sample of it while fewer than five of that code are held; the message is built only then.
    func recordError(code: String, target: String? = nil, phase: String, _ message: () -> String) {
        self.recorder.recordError(code: code, target: target)
        self.samples.record(code: code) { ErrorSample(message: message(), phase: phase) }
    }

    /// Counts a connect failure against the resource it points to.
    func noteLimit(for error: ConnectError) {
        let kind: LimitKind?
        switch error {
        case .tcp(_, _, let errno):
            switch errno {
            case .some(EADDRNOTAVAIL), .some(EADDRINUSE): kind = .ports
            case .some(EMFILE), .some(ENFILE): kind = .descriptors
            case .some(ENOMEM), .some(ENOBUFS): kind = .memory
            case .some(ECONNREFUSED), .some(ECONNRESET), .some(ETIMEDOUT), .some(EHOSTUNREACH): kind = .target
            default: kind = nil
            }
        case .localAddress: kind = .ports
        case .timeout, .closedDuring: kind = .target
        default: kind = nil
        }
        if let kind { self.limits[kind, default: 0] += 1 }
    }

    /// Whether `message` satisfies an `expect`.
    func matches(_ message: Message, _ match: ScriptProgram.ExpectMatch) -> Bool {
        switch match {
        case .any:
            return true
        case .regex(let pattern):
            let text = String(buffer: message.payload)
            if self.regexes[pattern] == nil { self.regexes[pattern] = try? Regex(pattern) }
            guard let regex = self.regexes[pattern] else { return false }
            return (try? regex.firstMatch(in: text)) != nil
        case .json(let path, let value):
            return JSONFieldMatch.matches(message.payload, path: path, value: value)
        }
    }

    /// Whether an upgrade response header satisfies a scenario's `expect.headers` entry.
    func headerMatches(_ values: [String], _ match: HeaderExpectation.Match) -> Bool {
        switch match {
        case .present:
            return !values.isEmpty
        case .equals(let expected):
            return values.contains(expected)
        case .regex(let pattern):
            if self.regexes[pattern] == nil { self.regexes[pattern] = try? Regex(pattern) }
            guard let regex = self.regexes[pattern] else { return false }
            return values.contains { (try? regex.firstMatch(in: $0)) != nil }
        }
    }

    // MARK: Total-rate permits

    /// A due permit's intended time, if one is ready now, but never before `readySince`: a permit that came
    /// due while no connection could send is not charged to the next message's latency.
    func takeTotalPermit(readySince: UInt64) -> UInt64? {
        self.takeTotalPermit().map { max($0, readySince) }
    }

    private func takeTotalPermit() -> UInt64? {
        if self.duePermitHead < self.duePermits.count {
            let intended = self.duePermits[self.duePermitHead]
            self.duePermitHead += 1
            if self.duePermitHead == self.duePermits.count {
                self.duePermits.removeAll(keepingCapacity: true)
                self.duePermitHead = 0
            }
            return intended
        }
        guard var permits = self.permits, let intended = permits.popDue(atNanoseconds: Self.now()) else {
            return nil
        }
        self.permits = permits
        return intended
    }

    /// Queues `connection` for the next total-rate permit.
    func waitForPermit(_ connection: LoadConnection) {
        self.waiters.append(connection)
    }

    private func schedulePermitTimer() {
        guard !self.stopping, let next = self.permits?.nextIntendedNanoseconds else { return }
        let bound = NIOLoopBound(self, eventLoop: self.loop)
        self.permitTimer = self.loop.scheduleTask(deadline: .uptimeNanoseconds(next)) {
            bound.value.permitsDue()
        }
    }

    private func permitsDue() {
        let now = Self.now()
        while var permits = self.permits, let intended = permits.popDue(atNanoseconds: now) {
            self.permits = permits
            self.duePermits.append(intended)
        }
        while self.waiterHead < self.waiters.count, let intended = self.takeTotalPermit() {
            let waiter = self.waiters[self.waiterHead]
            self.waiterHead += 1
            if let since = waiter.waitingForPermitSince {
                waiter.permitGranted(intended: max(intended, since))
            } else {
                self.duePermits.insert(intended, at: self.duePermitHead)
            }
        }
        if self.waiterHead == self.waiters.count {
            self.waiters.removeAll(keepingCapacity: true)
            self.waiterHead = 0
        }
        // Permits nobody could use within a second are skipped, not hoarded.
        while self.duePermitHead < self.duePermits.count, self.duePermits[self.duePermitHead] &+ 1_000_000_000 < now {
            self.duePermitHead += 1
            self.skippedSends += 1
        }
        self.schedulePermitTimer()
    }
}

@available(*, unavailable)
extension Worker: Sendable {}
