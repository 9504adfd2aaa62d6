/// An arrival rate that changes linearly over stages, like k6's `ramping-arrival-rate`.
///
/// Each stage moves the rate linearly from where the previous stage ended (``startRate`` for the
/// first) to its `targetRate` over its duration; a stage whose target equals the current rate holds
/// it. The expected number of arrivals up to elapsed time t is the integral Λ(t) of the rate, and the
/// k-th arrival of a constant-spaced schedule (k from 0) is due at Λ⁻¹(k): so a run from 0 to 100/s over
/// 10 s starts exactly 500 arrivals, and the count in [0, t) is ⌈Λ(t)⌉. Time is elapsed nanoseconds
/// since the schedule's start; no clock is read.
package struct ArrivalRateSchedule: Sendable, Equatable {
    /// One linear segment of the rate.
    package struct Stage: Sendable, Equatable {
        /// How long the stage lasts, in nanoseconds (0 makes the rate jump to `targetRate`).
        package var durationNanoseconds: UInt64
        /// Arrivals per second at the end of the stage.
        package var targetRate: Double

        package init(durationNanoseconds: UInt64, targetRate: Double) {
            self.durationNanoseconds = durationNanoseconds
            self.targetRate = targetRate
        }
    }

    /// A stage with its start, start rate and the arrivals before it, precomputed.
    private struct Segment: Sendable, Equatable {
        var startNanoseconds: UInt64
        var durationNanoseconds: UInt64
        /// Rates in arrivals per nanosecond.
        var fromRate: Double
        var toRate: Double
        /// Λ at the segment's start.
        var arrivalsBefore: Double

        var endNanoseconds: UInt64 {
            let (end, overflow) = self.startNanoseconds.addingReportingOverflow(self.durationNanoseconds)
            return overflow ? .max : end
        }

        /// Arrivals within the segment up to `elapsed` nanoseconds into it.
        func arrivals(within elapsed: Double) -> Double {
            let duration = Double(self.durationNanoseconds)
            guard duration > 0 else { return 0 }
            return self.fromRate * elapsed + (self.toRate - self.fromRate) * elapsed * elapsed / (2 * duration)
        }

        /// Nanoseconds into the segment at which `arrivals` arrivals have accumulated.
        func elapsed(forArrivals arrivals: Double) -> Double {
            let duration = Double(self.durationNanoseconds)
            guard arrivals > 0, duration > 0 else { return 0 }
            let slope = (self.toRate - self.fromRate) / (2 * duration)
            let discriminant = Swift.max(0, self.fromRate * self.fromRate + 4 * slope * arrivals)
            // 2m / (b + √(b² + 4am)) solves a t² + b t = m without cancellation, also when a ≈ 0.
            let denominator = self.fromRate + discriminant.squareRoot()
            guard denominator > 0 else { return duration }
            return Swift.min(duration, Swift.max(0, 2 * arrivals / denominator))
        }
    }

    /// The rate (per second) at elapsed time 0.
    package let startRate: Double
    /// The stages in order.
    package let stages: [Stage]
    private let segments: [Segment]
    /// Λ at the end of the schedule: expected arrivals over the whole schedule.
    package let expectedArrivals: Double

    /// A schedule starting at `startRate` per second and following `stages`.
    ///
    /// Negative or non-finite rates count as 0 (the scenario validator rejects them before this).
    package init(startRate: Double = 0, stages: [Stage]) {
        func sanitized(_ rate: Double) -> Double { rate.isFinite && rate > 0 ? rate : 0 }
        self.startRate = sanitized(startRate)
        self.stages = stages
        var segments: [Segment] = []
        var start: UInt64 = 0
        var rate = sanitized(startRate) / 1e9
        var arrivals = 0.0
        for stage in stages {
            let target = sanitized(stage.targetRate) / 1e9
            let segment = Segment(
                startNanoseconds: start,
                durationNanoseconds: stage.durationNanoseconds,
                fromRate: rate,
                toRate: target,
                arrivalsBefore: arrivals
            )
            segments.append(segment)
            arrivals = Self.snapped(arrivals + segment.arrivals(within: Double(stage.durationNanoseconds)))
            let (end, overflow) = start.addingReportingOverflow(stage.durationNanoseconds)
            start = overflow ? .max : end
            rate = target
        }
        self.segments = segments
        self.expectedArrivals = arrivals
    }

    /// A constant `rate` per second for `durationNanoseconds`.
    package static func constant(rate: Double, durationNanoseconds: UInt64) -> ArrivalRateSchedule {
        ArrivalRateSchedule(
            startRate: rate,
            stages: [Stage(durationNanoseconds: durationNanoseconds, targetRate: rate)]
        )
    }

    /// Rounds values within a billionth of an integer to it, so stage sums such as 0.1 + 0.2 arrivals
    /// do not turn an exact count into one more or one fewer.
    private static func snapped(_ value: Double) -> Double {
        let rounded = value.rounded()
        return abs(value - rounded) < 1e-9 * Swift.max(1, abs(value)) ? rounded : value
    }

    /// Total length of the schedule in nanoseconds.
    package var durationNanoseconds: UInt64 {
        self.segments.last?.endNanoseconds ?? 0
    }

    /// The number of arrivals a constant-spaced schedule starts over its whole duration, ⌈Λ(end)⌉.
    package var totalArrivals: UInt64 {
        UInt64(self.expectedArrivals.rounded(.up))
    }

    /// The rate (per second) at `elapsed` nanoseconds; 0 after the last stage.
    package func rate(atElapsedNanoseconds elapsed: UInt64) -> Double {
        guard let segment = self.segment(containing: elapsed) else { return 0 }
        let fraction = Double(elapsed - segment.startNanoseconds) / Double(segment.durationNanoseconds)
        return (segment.fromRate + (segment.toRate - segment.fromRate) * fraction) * 1e9
    }

    /// Λ(t): the expected arrivals before `elapsed` nanoseconds.
    package func expectedArrivals(beforeElapsedNanoseconds elapsed: UInt64) -> Double {
        guard let segment = self.segment(containing: elapsed) else { return self.expectedArrivals }
        return Self.snapped(
            segment.arrivalsBefore + segment.arrivals(within: Double(elapsed - segment.startNanoseconds))
        )
    }

    /// The number of constant-spaced arrivals due strictly before `elapsed` nanoseconds: ⌈Λ(t)⌉.
    package func arrivals(beforeElapsedNanoseconds elapsed: UInt64) -> UInt64 {
        UInt64(self.expectedArrivals(beforeElapsedNanoseconds: elapsed).rounded(.up))
    }

    /// Λ⁻¹: the elapsed nanoseconds at which `position` expected arrivals have accumulated, or `nil`
    /// when the schedule ends first (`position` ≥ Λ(end)).
    package func elapsedNanoseconds(atArrivalPosition position: Double) -> UInt64? {
        guard position >= 0, position < self.expectedArrivals else { return nil }
        // Last segment that starts at or before `position` and has arrivals in it.
        var low = 0
        var high = self.segments.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if self.segments[middle].arrivalsBefore <= position { low = middle } else { high = middle - 1 }
        }
        // The last such segment: zero-arrival segments (rate-0 holds, zero-length jumps) share their Λ
        // with the next segment and are skipped by taking the last match.
        let segment = self.segments[low]
        let within = segment.elapsed(forArrivals: position - segment.arrivalsBefore)
        let nanoseconds = within.rounded(.toNearestOrAwayFromZero)
        guard nanoseconds >= 0, nanoseconds < 0x1.0p64 else { return nil }
        let (time, overflow) = segment.startNanoseconds.addingReportingOverflow(UInt64(nanoseconds))
        return overflow ? nil : time
    }

    private func segment(containing elapsed: UInt64) -> Segment? {
        // Stages are few (a handful); a linear scan is clearer than a search.
        self.segments.first { elapsed >= $0.startNanoseconds && elapsed < $0.endNanoseconds }
    }
}
