import LoadMetrics
import NIOCore
import ResultCodes
import RunResults
import WSTransport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Worker {
    // MARK: Slots (closed model)

    /// Opens the idle slots below the ramp target and frees those above it.
    func scanSlots() {
        let target = self.currentTarget()
        guard self.slots.needsScan(target: target) else { return }
        var started = 0
        for index in 0..<self.slots.count {
            switch self.slots.slots[index] {
            case .idle where index < target:
                // Bound the connects started per tick so the loop stays responsive; the rest follow.
                guard started < Self.maxStartsPerTick else {
                    self.slots.changed = true
                    break
                }
                started += 1
                self.open(slot: index)
            case .running(let connection) where index >= target:
                self.slots.release(index)
                connection.stop(code: 1000, drain: true)
            case .backoff where index >= target:
                self.slots.release(index)
            default:
                break
            }
        }
    }

    /// Called when a connection completes its upgrade; a replacement for a connection the server or the
    /// network ended records the reconnect time.
    func connectionOpened(_ connection: LoadConnection, at now: UInt64) {
        self.lastUpgrade = now
        self.recorder.connectionOpened(target: connection.target)
        self.peakOpen = max(self.peakOpen, self.recorder.connectionsOpen)
        if let slot = connection.slot, let since = self.slots.takeLoss(slot) {
            self.recorder.recordReconnect(nanoseconds: now &- min(now, since))
        }
    }

    /// Called once by each connection when it is over.
    func connectionEnded(_ connection: LoadConnection, end: ConnectionEnd) {
        self.active.removeValue(forKey: ObjectIdentifier(connection))
        self.slots.changed = true
        guard let slot = connection.slot, slot < self.slots.count else { return }
        guard case .running(let current) = self.slots.slots[slot], current === connection else { return }
        guard !self.stopping else { return self.slots.release(slot) }
        guard case .closed(_, _, let churn) = self.plan.load else { return }
        guard case .backoff(let delay) = self.slots.ended(slot, end: end, lostAt: connection.lostAt, churn: churn)
        else { return }
        let bound = NIOLoopBound(self, eventLoop: self.loop)
        self.slots.slots[slot] = .backoff(
            self.loop.scheduleTask(in: .nanoseconds(Int64(clamping: delay))) {
                let worker = bound.value
                guard case .backoff = worker.slots.slots[slot], !worker.stopping else { return }
                worker.slots.slots[slot] = .idle
                worker.slots.changed = true
                worker.tick()
            }
        )
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
    func recordError(code: ErrorCode, target: String? = nil, phase: Phase, _ message: () -> String) {
        self.recorder.recordError(code: code.rawValue, target: target)
        self.samples.record(code: code.rawValue) { ErrorSample(message: message(), phase: phase.rawValue) }
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
}
