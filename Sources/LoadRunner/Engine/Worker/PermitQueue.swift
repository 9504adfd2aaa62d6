import NIOCore

/// One worker's total-rate send permits: the pacer that issues them, permits due that no connection took
/// yet, and the connections waiting for one, in arrival order.
struct PermitQueue {
    private var pacer: Pacer
    private var due = CircularBuffer<UInt64>()
    private var waiters = CircularBuffer<LoadConnection>()
    /// Permits that found no connection ready to send within a second.
    private(set) var skipped: UInt64 = 0

    init(pacer: Pacer) {
        self.pacer = pacer
    }

    /// When the pacer issues its next permit, `nil` once the schedule ended.
    var nextIntendedNanoseconds: UInt64? { self.pacer.nextIntendedNanoseconds }

    /// The oldest due permit's intended time, if one is due at `now`.
    mutating func take(now: UInt64) -> UInt64? {
        if let intended = self.due.popFirst() { return intended }
        return self.pacer.popDue(atNanoseconds: now)
    }

    /// Queues `connection` for the next permit.
    mutating func enqueue(_ connection: LoadConnection) {
        self.waiters.append(connection)
    }

    /// Moves every permit the pacer issued up to `now` to the due queue.
    mutating func collectDue(now: UInt64) {
        while let intended = self.pacer.popDue(atNanoseconds: now) { self.due.append(intended) }
    }

    /// The first waiting connection and a permit for it, while both exist.
    mutating func nextGrant(now: UInt64) -> (waiter: LoadConnection, intended: UInt64)? {
        guard !self.waiters.isEmpty, let intended = self.take(now: now) else { return nil }
        return (self.waiters.removeFirst(), intended)
    }

    /// Puts back a permit its waiter no longer wanted, first in line.
    mutating func putBack(_ intended: UInt64) {
        self.due.prepend(intended)
    }

    /// Skips due permits nobody could use within a second (they are not hoarded).
    mutating func skipStale(now: UInt64) {
        while let first = self.due.first, first &+ 1_000_000_000 < now {
            self.due.removeFirst()
            self.skipped += 1
        }
    }
}
