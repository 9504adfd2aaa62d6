#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The intended send times of a paced stream, as a pure value: tcpkali's "pacefier" idea.
///
/// A pacer is given a rate (or an ``ArrivalRateSchedule``), a ``PacingSpacing`` and a start time, and
/// hands out intended send times in monotonic nanoseconds. The owner asks what is due at "now"
/// (``popDue(atNanoseconds:)``); after a stall it gets every missed intended time, oldest first, so
/// a late event loop catches up and each send still carries the time it *should* have happened.
/// Latency measured from that intended time is free of coordinated omission (docs/load-engine.md).
///
/// With a ``Shard`` of N, the pacer takes every N-th position of the whole schedule starting at the
/// shard's index (constant spacing) or runs at 1/N of the rate (Poisson), so the union of the shards
/// is the whole schedule. No clock is read: time is always a parameter.
package struct Pacer: Sendable {
    private enum Profile: Sendable {
        /// Unbounded constant rate; nanoseconds per unit of arrival position.
        case rate(nanosecondsPerArrival: Double)
        /// A staged schedule, ending with its last stage.
        case schedule(ArrivalRateSchedule)
        /// Nothing to send (rate 0 or not finite).
        case idle
    }

    private let profile: Profile
    private let spacing: PacingSpacing
    private let shard: Shard
    /// The monotonic time (ns) position 0 maps to.
    package let startNanoseconds: UInt64
    /// No send is due at or after this monotonic time (ns): the run's end, so a late stop sends nothing extra.
    package let endNanoseconds: UInt64?
    private var generator: SplitMix64
    /// Arrival position (in the whole schedule's Λ units) of the next send.
    private var position: Double
    /// The next intended send time, `nil` once the schedule has ended.
    package private(set) var nextIntendedNanoseconds: UInt64?
    /// Intended times handed out so far.
    package private(set) var emittedCount: UInt64

    /// A pacer at a constant `ratePerSecond`, unbounded in time.
    ///
    /// With constant spacing the k-th send (k from 0) is due at `start + k / rate`; the first is due
    /// at `start`. A rate of 0 (or negative, or not finite) never sends. With `endNanoseconds`, the pacer
    /// finishes there (a send due exactly at the end is not handed out).
    package init(
        ratePerSecond: Double,
        spacing: PacingSpacing = .constant,
        startNanoseconds: UInt64,
        endNanoseconds: UInt64? = nil,
        shard: Shard = .whole
    ) {
        let profile: Profile =
            ratePerSecond.isFinite && ratePerSecond > 0 ? .rate(nanosecondsPerArrival: 1e9 / ratePerSecond) : .idle
        self.init(
            profile: profile,
            spacing: spacing,
            startNanoseconds: startNanoseconds,
            endNanoseconds: endNanoseconds,
            shard: shard
        )
    }

    /// A pacer following `schedule` from `startNanoseconds`; it ends with the schedule's last stage, or at
    /// `endNanoseconds` when that comes first.
    package init(
        schedule: ArrivalRateSchedule,
        spacing: PacingSpacing = .constant,
        startNanoseconds: UInt64,
        endNanoseconds: UInt64? = nil,
        shard: Shard = .whole
    ) {
        self.init(
            profile: .schedule(schedule),
            spacing: spacing,
            startNanoseconds: startNanoseconds,
            endNanoseconds: endNanoseconds,
            shard: shard
        )
    }

    private init(
        profile: Profile,
        spacing: PacingSpacing,
        startNanoseconds: UInt64,
        endNanoseconds: UInt64?,
        shard: Shard
    ) {
        self.profile = profile
        self.spacing = spacing
        self.shard = shard
        self.startNanoseconds = startNanoseconds
        self.endNanoseconds = endNanoseconds
        self.emittedCount = 0
        self.nextIntendedNanoseconds = nil
        switch spacing {
        case .constant:
            self.generator = SplitMix64(seed: 0)
            self.position = Double(shard.index)
        case .poisson(let seed):
            self.generator = SplitMix64(seed: seed)
            self.position = 0
            self.position = self.poissonStep()
        }
        self.nextIntendedNanoseconds = self.time(atPosition: self.position)
    }

    /// `true` once the schedule has ended (or the rate is 0): no send will ever be due again.
    package var isFinished: Bool { self.nextIntendedNanoseconds == nil }

    /// Hands out the next intended send time if it is at or before `now`, else `nil`.
    ///
    /// Call in a loop on each event-loop tick: `while let intended = pacer.popDue(atNanoseconds: now)`.
    /// After a stall the loop returns every missed time in order, so nothing is skipped and each send
    /// keeps its own intended time.
    package mutating func popDue(atNanoseconds now: UInt64) -> UInt64? {
        guard let next = self.nextIntendedNanoseconds, next <= now else { return nil }
        self.advance()
        return next
    }

    /// Hands out the next intended send time regardless of the current time (`nil` once finished).
    package mutating func next() -> UInt64? {
        guard let next = self.nextIntendedNanoseconds else { return nil }
        self.advance()
        return next
    }

    /// How many sends are due at `now`, without handing them out.
    package func dueCount(atNanoseconds now: UInt64) -> Int {
        var copy = self
        var count = 0
        while copy.popDue(atNanoseconds: now) != nil { count += 1 }
        return count
    }

    /// Hands out up to `limit` due intended times at `now`, oldest first (allocates; for callers off
    /// the per-message path and for tests; the hot path loops over ``popDue(atNanoseconds:)``).
    package mutating func takeDue(atNanoseconds now: UInt64, limit: Int = .max) -> [UInt64] {
        var times: [UInt64] = []
        while times.count < limit, let time = self.popDue(atNanoseconds: now) { times.append(time) }
        return times
    }

    private mutating func advance() {
        self.emittedCount += 1
        switch self.spacing {
        case .constant:
            self.position = Double(self.shard.index) + Double(self.emittedCount) * Double(self.shard.count)
        case .poisson:
            self.position += self.poissonStep()
        }
        self.nextIntendedNanoseconds = self.time(atPosition: self.position)
    }

    /// An exponential gap with mean `shard.count` (in arrival positions of the whole schedule), so this
    /// shard runs at 1/N of the rate.
    private mutating func poissonStep() -> Double {
        // Uniform in [0, 1) with 53 random bits; 1 - u is in (0, 1], so the logarithm is finite.
        let uniform = Double(self.generator.next() >> 11) * 0x1.0p-53
        return -log(1 - uniform) * Double(self.shard.count)
    }

    private func time(atPosition position: Double) -> UInt64? {
        let offset: Double
        switch self.profile {
        case .idle:
            return nil
        case .rate(let nanosecondsPerArrival):
            offset = (position * nanosecondsPerArrival).rounded(.toNearestOrAwayFromZero)
            guard offset < 0x1.0p63 else { return nil }
        case .schedule(let schedule):
            guard let elapsed = schedule.elapsedNanoseconds(atArrivalPosition: position) else { return nil }
            offset = Double(elapsed)
        }
        let (time, overflow) = self.startNanoseconds.addingReportingOverflow(UInt64(offset))
        if overflow { return nil }
        if let end = self.endNanoseconds, time >= end { return nil }
        return time
    }
}
