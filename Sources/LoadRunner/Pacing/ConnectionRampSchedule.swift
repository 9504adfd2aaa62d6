/// The target number of open connections over time for the closed model, like k6's `ramping-vus`.
///
/// Each stage moves the target linearly from where the previous stage ended (``startConnections``
/// for the first) to its `target` over its duration; a 0-length stage jumps. Within a ramp the target
/// is `from + (to - from) · t / duration`, truncated toward `from`, computed in exact integer
/// arithmetic. After the last stage the target stays at the last stage's value. Time is elapsed
/// nanoseconds since the schedule's start; no clock is read.
package struct ConnectionRampSchedule: Sendable, Equatable {
    /// One linear segment of the target.
    package struct Stage: Sendable, Equatable {
        /// How long the stage lasts, in nanoseconds.
        package var durationNanoseconds: UInt64
        /// Open connections wanted at the end of the stage.
        package var target: Int

        package init(durationNanoseconds: UInt64, target: Int) {
            self.durationNanoseconds = durationNanoseconds
            self.target = target
        }
    }

    private struct Segment: Sendable, Equatable {
        var start: UInt64
        var duration: UInt64
        var from: Int
        var to: Int
        var end: UInt64 {
            let (end, overflow) = self.start.addingReportingOverflow(self.duration)
            return overflow ? .max : end
        }

        /// Target `elapsed` nanoseconds into the segment (`elapsed` < `duration`).
        func target(within elapsed: UInt64) -> Int {
            let delta = self.from <= self.to ? UInt64(self.to - self.from) : UInt64(self.from - self.to)
            let product = delta.multipliedFullWidth(by: elapsed)
            let (step, _) = self.duration.dividingFullWidth(product)
            return self.from <= self.to ? self.from + Int(step) : self.from - Int(step)
        }
    }

    /// The target at elapsed time 0.
    package let startConnections: Int
    /// The stages in order.
    package let stages: [Stage]
    private let segments: [Segment]

    /// A schedule from `startConnections` through `stages`; negative targets count as 0.
    package init(startConnections: Int = 0, stages: [Stage]) {
        self.startConnections = Swift.max(0, startConnections)
        self.stages = stages
        var segments: [Segment] = []
        var start: UInt64 = 0
        var from = Swift.max(0, startConnections)
        for stage in stages {
            let to = Swift.max(0, stage.target)
            segments.append(Segment(start: start, duration: stage.durationNanoseconds, from: from, to: to))
            let (end, overflow) = start.addingReportingOverflow(stage.durationNanoseconds)
            start = overflow ? .max : end
            from = to
        }
        self.segments = segments
    }

    /// Total length of the schedule in nanoseconds.
    package var durationNanoseconds: UInt64 { self.segments.last?.end ?? 0 }

    /// The target after the last stage.
    package var finalTarget: Int { self.segments.last?.to ?? self.startConnections }

    /// The number of connections wanted `elapsed` nanoseconds after the start.
    package func target(atElapsedNanoseconds elapsed: UInt64) -> Int {
        for segment in self.segments where elapsed < segment.end {
            guard elapsed >= segment.start else { return segment.from }
            return segment.target(within: elapsed - segment.start)
        }
        return self.finalTarget
    }

    /// The first elapsed time after `elapsed` at which the target differs from its value at `elapsed`,
    /// or `nil` when it never changes again. Lets the engine sleep until the next change exactly.
    package func nextChange(afterElapsedNanoseconds elapsed: UInt64) -> UInt64? {
        guard elapsed < .max else { return nil }
        let current = self.target(atElapsedNanoseconds: elapsed)
        for segment in self.segments where segment.end > elapsed {
            let earliest = Swift.max(elapsed + 1, segment.start)
            if segment.duration == 0 || earliest >= segment.end { continue }
            if segment.target(within: earliest - segment.start) != current { return earliest }
            guard segment.from != segment.to else { continue }
            // The target first moves one step past `current` at ⌈k · duration / delta⌉ into the segment.
            let delta = UInt64(abs(segment.to - segment.from))
            let steps = UInt64(abs(current - segment.from)) + 1
            guard steps <= delta else { continue }
            let product = steps.multipliedFullWidth(by: segment.duration)
            let (quotient, remainder) = delta.dividingFullWidth(product)
            let offset = quotient + (remainder > 0 ? 1 : 0)
            if offset < segment.duration, segment.start <= UInt64.max - offset { return segment.start + offset }
        }
        let end = self.durationNanoseconds
        if end > elapsed, self.finalTarget != current { return end }
        return nil
    }
}
