import Testing

@testable import LoadRunner

@Suite("Pacer")
struct PacerTests {
    static func drain(_ pacer: inout Pacer, limit: Int = 1_000_000) -> [UInt64] {
        var times: [UInt64] = []
        while times.count < limit, let time = pacer.next() { times.append(time) }
        return times
    }

    @Test("Constant spacing gives the exact schedule start + k / rate")
    func constantSchedule() {
        var pacer = Pacer(ratePerSecond: 1_000, startNanoseconds: 5_000)
        #expect(Self.drain(&pacer, limit: 5) == [5_000, 1_005_000, 2_005_000, 3_005_000, 4_005_000])
        var thirds = Pacer(ratePerSecond: 3, startNanoseconds: 0)
        #expect(Self.drain(&thirds, limit: 4) == [0, 333_333_333, 666_666_667, 1_000_000_000])
        #expect(thirds.emittedCount == 4)
    }

    @Test("Only sends whose intended time has come are due")
    func dueOnlyWhenTimeHasCome() {
        var pacer = Pacer(ratePerSecond: 100, startNanoseconds: 1_000_000)
        let early = pacer.popDue(atNanoseconds: 999_999)
        #expect(early == nil)
        let first = pacer.popDue(atNanoseconds: 1_000_000)
        #expect(first == 1_000_000)
        let second = pacer.popDue(atNanoseconds: 10_999_999)
        #expect(second == nil)
        #expect(pacer.nextIntendedNanoseconds == 11_000_000)
    }

    @Test("After a stall the pacer returns every missed intended time, oldest first")
    func catchUpAfterStall() {
        var pacer = Pacer(ratePerSecond: 100, startNanoseconds: 0)
        #expect(pacer.takeDue(atNanoseconds: 0) == [0])
        // The event loop stalls for 55 ms.
        #expect(pacer.dueCount(atNanoseconds: 55_000_000) == 5)
        #expect(pacer.emittedCount == 1)
        #expect(pacer.takeDue(atNanoseconds: 55_000_000, limit: 2) == [10_000_000, 20_000_000])
        #expect(pacer.takeDue(atNanoseconds: 55_000_000) == [30_000_000, 40_000_000, 50_000_000])
        #expect(pacer.takeDue(atNanoseconds: 55_000_000).isEmpty)
        #expect(pacer.nextIntendedNanoseconds == 60_000_000)
    }

    @Test("A pacer with an end hands out nothing due at or after it, even to a late caller")
    func endsAtTheRunsEnd() {
        // 200/s from 1 s for 1.2 s: 240 sends, the one due exactly at the end excluded.
        var pacer = Pacer(ratePerSecond: 200, startNanoseconds: 1_000_000_000, endNanoseconds: 2_200_000_000)
        let times = pacer.takeDue(atNanoseconds: 9_000_000_000)
        #expect(times.count == 240)
        #expect(times.last == 2_195_000_000)
        #expect(pacer.isFinished)
        let arrivals = ArrivalRateSchedule(
            startRate: 10,
            stages: [.init(durationNanoseconds: 10_000_000_000, targetRate: 10)]
        )
        var open = Pacer(schedule: arrivals, startNanoseconds: 0, endNanoseconds: 1_000_000_000)
        #expect(open.takeDue(atNanoseconds: .max).count == 10)
    }

    @Test("A zero or invalid rate never sends", arguments: [0.0, -5, .infinity, .nan])
    func idleRate(rate: Double) {
        var pacer = Pacer(ratePerSecond: rate, startNanoseconds: 0)
        #expect(pacer.isFinished)
        let due = pacer.popDue(atNanoseconds: .max)
        #expect(due == nil)
    }

    @Test("Poisson spacing keeps the mean rate and is reproducible from its seed", arguments: [1 as UInt64, 2, 3])
    func poissonMeanRate(seed: UInt64) {
        let count = 20_000
        var pacer = Pacer(ratePerSecond: 1_000, spacing: .poisson(seed: seed), startNanoseconds: 0)
        let times = Self.drain(&pacer, limit: count)
        // Mean gap 1 ms; the sample mean of 20,000 exponential gaps is within 3 % with overwhelming odds.
        let last = Double(times[count - 1])
        #expect(abs(last / Double(count) - 1_000_000) < 30_000)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
        // Coefficient of variation of exponential gaps is 1 (constant spacing would give 0).
        let gaps = zip(times, times.dropFirst()).map { Double($1 - $0) }
        let mean = gaps.reduce(0, +) / Double(gaps.count)
        let variance = gaps.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(gaps.count)
        #expect(abs(variance.squareRoot() / mean - 1) < 0.05)

        var again = Pacer(ratePerSecond: 1_000, spacing: .poisson(seed: seed), startNanoseconds: 0)
        #expect(Self.drain(&again, limit: count) == times)
        var other = Pacer(ratePerSecond: 1_000, spacing: .poisson(seed: seed + 100), startNanoseconds: 0)
        #expect(Self.drain(&other, limit: count) != times)
    }

    @Test("Constant-spaced shards interleave into exactly the whole schedule", arguments: [2, 3, 7])
    func shardUnionIsWhole(count: Int) throws {
        var whole = Pacer(ratePerSecond: 250, startNanoseconds: 42)
        let expected = Self.drain(&whole, limit: 700)
        var union: [UInt64] = []
        for index in 0..<count {
            var pacer = Pacer(ratePerSecond: 250, startNanoseconds: 42, shard: try Shard(index: index, count: count))
            while let time = pacer.popDue(atNanoseconds: expected[699]) { union.append(time) }
        }
        #expect(union.sorted() == expected)
    }

    @Test("Poisson shards together keep the whole mean rate")
    func poissonShardsKeepRate() throws {
        var total = 0
        for index in 0..<4 {
            var pacer = Pacer(
                ratePerSecond: 2_000,
                spacing: .poisson(seed: UInt64(index)),
                startNanoseconds: 0,
                shard: try Shard(index: index, count: 4)
            )
            total += pacer.takeDue(atNanoseconds: 10_000_000_000).count
        }
        // 20,000 expected over 10 s; a Poisson count's standard deviation is about 141.
        #expect(abs(total - 20_000) < 800)
    }
}
