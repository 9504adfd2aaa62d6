import Testing

@testable import LoadRunner

/// Total-rate permits: issued on the pacer's schedule, handed out oldest first, skipped after a second unused.
@Suite("Permit queue")
struct PermitQueueTests {
    static let t0: UInt64 = 5_000_000_000
    static let ms: UInt64 = 1_000_000

    @Test("permits come due on the schedule, oldest first; a put-back permit is next; unused ones are skipped")
    func schedule() {
        var queue = PermitQueue(pacer: Pacer(ratePerSecond: 10, startNanoseconds: Self.t0))
        #expect(queue.take(now: Self.t0) == Self.t0)
        #expect(queue.take(now: Self.t0 + 50 * Self.ms) == nil)
        #expect(queue.nextIntendedNanoseconds == Self.t0 + 100 * Self.ms)
        queue.collectDue(now: Self.t0 + 250 * Self.ms)
        #expect(queue.nextIntendedNanoseconds == Self.t0 + 300 * Self.ms)
        #expect(queue.take(now: Self.t0 + 250 * Self.ms) == Self.t0 + 100 * Self.ms)
        queue.putBack(Self.t0 + 100 * Self.ms)
        #expect(queue.take(now: Self.t0 + 250 * Self.ms) == Self.t0 + 100 * Self.ms)
        queue.skipStale(now: Self.t0 + 1_200 * Self.ms)
        #expect(queue.skipped == 0)
        queue.skipStale(now: Self.t0 + 1_201 * Self.ms)
        #expect(queue.skipped == 1)
        #expect(queue.take(now: Self.t0 + 1_201 * Self.ms) == Self.t0 + 300 * Self.ms)
    }
}
