import Foundation
import NIOCore
import Scenario

/// One worker's closed-model slots: which hold a connection, which wait out a reconnect backoff, and
/// when each last lost its connection. The worker opens and stops connections; this decides.
struct ConnectionSlots {
    enum Slot {
        case idle
        case running(LoadConnection)
        case backoff(Scheduled<Void>)
        case done
    }

    /// What the worker does with a slot whose connection ended.
    enum Next {
        case nothing
        /// Reconnect after this many nanoseconds.
        case backoff(UInt64)
    }

    var slots: [Slot]
    private var failures: [Int]
    /// Per slot: when the server or the network ended its last upgraded connection (monotonic
    /// nanoseconds), while the slot reconnects; the replacement's upgrade records the `reconnect` time.
    var lostSince: [UInt64?]
    /// The ramp target of the last scan, and whether a slot changed since (so idle ticks cost nothing).
    private var scannedTarget = -1
    var changed = true
    private var random: SplitMix64

    init(count: Int, seed: UInt64) {
        self.slots = Array(repeating: .idle, count: count)
        self.failures = Array(repeating: 0, count: count)
        self.lostSince = Array(repeating: nil, count: count)
        self.random = SplitMix64(seed: seed)
    }

    var count: Int { self.slots.count }

    /// Whether a scan for `target` could change anything (and notes the scan).
    mutating func needsScan(target: Int) -> Bool {
        guard target != self.scannedTarget || self.changed else { return false }
        self.changed = false
        self.scannedTarget = target
        return true
    }

    /// Whether every slot below `target` has finished (none is running, backing off or waiting to open).
    func allFinished(target: Int) -> Bool {
        for (index, slot) in self.slots.enumerated() {
            switch slot {
            case .backoff, .running: return false
            case .idle where index < target: return false
            default: continue
            }
        }
        return true
    }

    /// Frees `slot` (cancelling a backoff) and forgets its loss.
    mutating func release(_ slot: Int) {
        if case .backoff(let timer) = self.slots[slot] { timer.cancel() }
        self.slots[slot] = .idle
        self.lostSince[slot] = nil
    }

    /// The loss time a reconnect of `slot` is measured from, clearing it.
    mutating func takeLoss(_ slot: Int) -> UInt64? {
        guard slot < self.lostSince.count, let since = self.lostSince[slot] else { return nil }
        self.lostSince[slot] = nil
        return since
    }

    /// Decides what follows the end of `slot`'s connection (`lostAt` when the server or network ended it).
    mutating func ended(_ slot: Int, end: ConnectionEnd, lostAt: UInt64?, churn: Churn?) -> Next {
        switch end {
        case .completed, .lifetime, .stopped:
            self.failures[slot] = 0
            self.lostSince[slot] = nil
            self.slots[slot] = end == .completed && churn == nil ? .done : .idle
            return .nothing
        case .failed:
            guard let backoff = churn?.reconnect else {
                self.slots[slot] = .done
                return .nothing
            }
            // The reconnect runs from the first loss; failed attempts in between belong to it.
            if self.lostSince[slot] == nil, let lostAt { self.lostSince[slot] = lostAt }
            self.failures[slot] += 1
            if let maxAttempts = backoff.maxAttempts, self.failures[slot] > maxAttempts {
                self.slots[slot] = .done
                self.lostSince[slot] = nil
                return .nothing
            }
            return .backoff(self.backoffDelay(backoff, failures: self.failures[slot]))
        }
    }

    /// RFC 6455 §7.2.3: reconnect after a randomised, truncated exponential backoff, so clients that lost
    /// their connections together do not come back together. `min · 2^(failures-1)`, capped at `max`, then
    /// reduced by up to `jitter` of itself at random.
    private mutating func backoffDelay(_ backoff: Backoff, failures: Int) -> UInt64 {
        let minimum = Double(backoff.min.nanosecondsClamped)
        let maximum = Double(backoff.max.nanosecondsClamped)
        let exponential = min(maximum, minimum * pow(2, Double(min(failures - 1, 62))))
        let unit = Double(self.random.next() >> 11) * 0x1.0p-53
        let jitter = min(1, max(0, backoff.jitter))
        return UInt64(max(0, exponential * (1 - jitter * unit)))
    }
}
