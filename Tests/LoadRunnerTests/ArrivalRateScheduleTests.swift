import Testing

@testable import LoadRunner

@Suite("Arrival-rate stages")
struct ArrivalRateScheduleTests {
    static let second: UInt64 = 1_000_000_000

    static func intendedTimes(_ schedule: ArrivalRateSchedule, spacing: PacingSpacing = .constant) -> [UInt64] {
        var pacer = Pacer(schedule: schedule, spacing: spacing, startNanoseconds: 1_000)
        var times: [UInt64] = []
        while let time = pacer.next() { times.append(time - 1_000) }
        return times
    }

    @Test("A ramp from 0 to 100/s over 10 s starts exactly 500 arrivals, 125 of them in the first 5 s")
    func linearRampCount() {
        let schedule = ArrivalRateSchedule(
            startRate: 0,
            stages: [.init(durationNanoseconds: 10 * Self.second, targetRate: 100)]
        )
        #expect(schedule.totalArrivals == 500)
        #expect(schedule.arrivals(beforeElapsedNanoseconds: 5 * Self.second) == 125)
        #expect(schedule.rate(atElapsedNanoseconds: 5 * Self.second) == 50)
        let times = Self.intendedTimes(schedule)
        #expect(times.count == 500)
        #expect(times.filter { $0 < 5 * Self.second }.count == 125)
        #expect(times.allSatisfy { $0 < 10 * Self.second })
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 < $1 })
        // The k-th arrival of a ramp r(t) = 10t is at √(k/5) s: arrival 125 at exactly 5 s.
        #expect(times[125] == 5 * Self.second)
    }

    /// A staged schedule and the exact number of arrivals it must start.
    struct StageCase: Sendable, CustomTestStringConvertible {
        var startRate: Double
        /// (duration in seconds, target rate per second)
        var stages: [(Double, Double)]
        var expected: UInt64
        var testDescription: String { "\(self.startRate)/s then \(self.stages) → \(self.expected)" }
    }

    static let stageCases: [StageCase] = [
        // hold 10/s 2 s (20) + ramp to 30/s over 2 s (40) + ramp to 0 over 3 s (45) = 105
        StageCase(startRate: 10, stages: [(2, 10), (2, 30), (3, 0)], expected: 105),
        // jump to 50/s (0 s), hold 1 s (50), pause at 0 for 1 s, hold 20/s for 0.5 s (10) = 60
        StageCase(startRate: 0, stages: [(0, 50), (1, 50), (0, 0), (1, 0), (0, 20), (0.5, 20)], expected: 60),
        // 1000/s for 1 ms = 1 arrival; then ramp 1000 → 3000/s over 2 ms (4) = 5
        StageCase(startRate: 1000, stages: [(0.001, 1000), (0.002, 3000)], expected: 5),
        StageCase(startRate: 200, stages: [(60, 200)], expected: 12_000),
    ]

    @Test("Multi-stage schedules start exactly the integral of their rate", arguments: Self.stageCases)
    func stageCounts(testCase: StageCase) {
        let expected = testCase.expected
        let schedule = ArrivalRateSchedule(
            startRate: testCase.startRate,
            stages: testCase.stages.map { .init(durationNanoseconds: UInt64($0.0 * 1e9), targetRate: $0.1) }
        )
        #expect(schedule.totalArrivals == expected)
        let times = Self.intendedTimes(schedule)
        #expect(UInt64(times.count) == expected)
        #expect(times.allSatisfy { $0 < schedule.durationNanoseconds })
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test("A pause at rate 0 has no arrivals in it")
    func pauseHasNoArrivals() {
        let schedule = ArrivalRateSchedule(
            startRate: 10,
            stages: [
                .init(durationNanoseconds: Self.second, targetRate: 10),
                .init(durationNanoseconds: 0, targetRate: 0),
                .init(durationNanoseconds: Self.second, targetRate: 0),
                .init(durationNanoseconds: 0, targetRate: 10),
                .init(durationNanoseconds: Self.second, targetRate: 10),
            ]
        )
        let times = Self.intendedTimes(schedule)
        #expect(times.count == 20)
        #expect(!times.contains { $0 >= Self.second && $0 < 2 * Self.second })
        #expect(times[10] == 2 * Self.second)
    }

    @Test("Poisson arrivals over a ramp number about the integral, reproducibly")
    func poissonOverRamp() {
        let schedule = ArrivalRateSchedule(
            startRate: 0,
            stages: [.init(durationNanoseconds: 10 * Self.second, targetRate: 2_000)]
        )
        let times = Self.intendedTimes(schedule, spacing: .poisson(seed: 11))
        // Expected 10,000; Poisson standard deviation 100.
        #expect(abs(times.count - 10_000) < 400)
        // The second half of a linear ramp from 0 holds three quarters of the arrivals.
        let late = times.filter { $0 >= 5 * Self.second }.count
        #expect(abs(Double(late) / Double(times.count) - 0.75) < 0.02)
        #expect(Self.intendedTimes(schedule, spacing: .poisson(seed: 11)) == times)
    }

    @Test("An empty schedule never sends")
    func emptySchedule() {
        let schedule = ArrivalRateSchedule(startRate: 100, stages: [])
        #expect(schedule.totalArrivals == 0)
        #expect(Self.intendedTimes(schedule).isEmpty)
    }
}
