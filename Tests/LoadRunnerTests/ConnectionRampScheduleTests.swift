import Testing

@testable import LoadRunner

@Suite("Closed-model connection ramps")
struct ConnectionRampScheduleTests {
    static let second: UInt64 = 1_000_000_000

    @Test("A ramp from 0 to 100 connections over 10 s adds one every 100 ms")
    func linearRamp() {
        let schedule = ConnectionRampSchedule(stages: [.init(durationNanoseconds: 10 * Self.second, target: 100)])
        #expect(schedule.target(atElapsedNanoseconds: 0) == 0)
        #expect(schedule.target(atElapsedNanoseconds: 99_999_999) == 0)
        #expect(schedule.target(atElapsedNanoseconds: 100_000_000) == 1)
        #expect(schedule.target(atElapsedNanoseconds: 5 * Self.second) == 50)
        #expect(schedule.target(atElapsedNanoseconds: 10 * Self.second - 1) == 99)
        #expect(schedule.target(atElapsedNanoseconds: 10 * Self.second) == 100)
        #expect(schedule.target(atElapsedNanoseconds: .max) == 100)
        #expect(schedule.nextChange(afterElapsedNanoseconds: 0) == 100_000_000)
        #expect(schedule.nextChange(afterElapsedNanoseconds: 100_000_000) == 200_000_000)
        #expect(schedule.nextChange(afterElapsedNanoseconds: 10 * Self.second) == nil)
    }

    @Test("Walking nextChange visits every target step of ramp up, hold, ramp down exactly once")
    func walkChanges() {
        let schedule = ConnectionRampSchedule(
            startConnections: 0,
            stages: [
                .init(durationNanoseconds: 3 * Self.second, target: 7),
                .init(durationNanoseconds: 5 * Self.second, target: 7),
                .init(durationNanoseconds: 0, target: 10),
                .init(durationNanoseconds: 2 * Self.second, target: 3),
            ]
        )
        var time: UInt64 = 0
        var targets = [schedule.target(atElapsedNanoseconds: 0)]
        var changes: [UInt64] = []
        while let next = schedule.nextChange(afterElapsedNanoseconds: time) {
            #expect(next > time)
            // Nothing changes strictly between two reported changes.
            #expect(schedule.target(atElapsedNanoseconds: next - 1) == targets.last)
            time = next
            changes.append(next)
            targets.append(schedule.target(atElapsedNanoseconds: next))
        }
        #expect(targets == [0, 1, 2, 3, 4, 5, 6, 7, 10, 9, 8, 7, 6, 5, 4, 3])
        #expect(changes[0] == 428_571_429)  // ⌈3 s / 7⌉
        #expect(changes[7] == 8 * Self.second)  // the jump to 10
        #expect(changes.last == 10 * Self.second)
        #expect(schedule.durationNanoseconds == 10 * Self.second)
        #expect(schedule.finalTarget == 3)
    }

    @Test("Large targets over long stages stay exact (no 64-bit overflow)")
    func largeValues() {
        let hour = 3_600 * Self.second
        let schedule = ConnectionRampSchedule(stages: [.init(durationNanoseconds: hour, target: 5_000_000)])
        #expect(schedule.target(atElapsedNanoseconds: hour / 2) == 2_500_000)
        #expect(schedule.target(atElapsedNanoseconds: hour - 1) == 4_999_999)
        #expect(schedule.nextChange(afterElapsedNanoseconds: hour / 2) == hour / 2 + 720_000)
    }

    @Test("No stages: the start target holds forever")
    func noStages() {
        let schedule = ConnectionRampSchedule(startConnections: 12, stages: [])
        #expect(schedule.target(atElapsedNanoseconds: 123) == 12)
        #expect(schedule.nextChange(afterElapsedNanoseconds: 0) == nil)
    }
}
