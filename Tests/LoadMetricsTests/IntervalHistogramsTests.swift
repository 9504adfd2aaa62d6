import Foundation
import Testing

@testable import LoadMetrics

@Suite("Interval histograms")
struct IntervalHistogramsTests {
    /// A series of `seconds` seconds from second 1, 40 round trips per second spread over 20 µs … 2 s,
    /// with the union histogram of each second.
    static func series(seconds: Int64, seed: UInt64) -> (TimeSeries, [Int64: LatencyHistogram]) {
        var random = SeededGenerator(state: seed)
        var series = TimeSeries()
        var perSecond: [Int64: LatencyHistogram] = [:]
        for second in 1...seconds {
            var interval = MetricsSnapshot()
            for _ in 0..<40 {
                interval.record(.messageRTT, UInt64(20 * pow(100_000, Double.random(in: 0...1, using: &random))))
            }
            if second % 7 == 0 { interval.record(.reconnect, 1_000 * UInt64(second)) }
            perSecond[second] = interval[.messageRTT]
            series.append(interval, atSecond: second)
        }
        return (series, perSecond)
    }

    @Test("Percentiles over any window of whole intervals equal those of every value in the window")
    func exactWindows() {
        let (series, perSecond) = Self.series(seconds: 300, seed: 11)
        #expect(series.intervals.seconds == 60)
        #expect(series.intervals.intervals.map(\.firstSecond) == [1, 61, 121, 181, 241])
        #expect(series.intervals.intervals.map(\.lastSecond) == [60, 120, 180, 240, 300])
        for window in [Int64(1)...60, 61...180, 1...300, 121...300] {
            var union = LatencyHistogram()
            for second in window { union.merge(perSecond[second] ?? LatencyHistogram()) }
            let merged = series.intervals.merged(within: window, configuration: .latencyMicroseconds)
            #expect(merged.messageRTT == union, "\(window)")
            for level in [50.0, 90, 99, 99.9, 100] {
                #expect(merged.messageRTT.value(atPercentile: level) == union.value(atPercentile: level))
            }
        }
        // Reconnects every 7th second: 42 in 300 s, all kept.
        #expect(series.intervals.merged(within: 1...300, configuration: .latencyMicroseconds).reconnectTime.count == 42)
    }

    @Test("The interval length doubles so that no run keeps more than 64 interval histograms")
    func boundedCount() {
        var intervals = IntervalHistograms()
        var union = LatencyHistogram()
        // One value a minute for ten hours: 600 one-minute intervals without the bound.
        for minute in Int64(0)..<600 {
            var histogram = LatencyHistogram()
            histogram.record(UInt64(minute + 1) * 100)
            union.merge(histogram)
            intervals.add(second: minute * 60 + 30, messageRTT: histogram, reconnectTime: LatencyHistogram())
        }
        #expect(intervals.intervals.count <= IntervalHistograms.maximumCount)
        #expect(intervals.seconds == 960)  // 60 → 120 → 240 → 480 → 960: 38 intervals
        #expect(intervals.intervals.count == 38)
        #expect(intervals.intervals.allSatisfy { ($0.firstSecond - 1) % 960 == 0 })
        #expect(intervals.merged(within: 1...36_480, configuration: .latencyMicroseconds).messageRTT == union)
    }

    @Test("Shards of different interval lengths merge exactly at the common length")
    func mergeDifferentLengths() throws {
        let (a, perSecondA) = Self.series(seconds: 180, seed: 1)
        let (b, perSecondB) = Self.series(seconds: 180, seed: 2)
        var coarse = IntervalHistograms(seconds: 90)
        for second in Int64(1)...180 {
            coarse.add(second: second, messageRTT: perSecondB[second] ?? LatencyHistogram(), reconnectTime: .init())
        }
        var merged = a.intervals
        merged.merge(coarse)
        #expect(merged.seconds == 180)
        #expect(merged.intervals.count == 1)
        var union = LatencyHistogram()
        for second in Int64(1)...180 {
            union.merge(perSecondA[second] ?? LatencyHistogram())
            union.merge(perSecondB[second] ?? LatencyHistogram())
        }
        #expect(merged.intervals.first?.messageRTT == union)
        #expect(b.intervals.seconds == 60)
    }

    @Test("Interval histograms round-trip through JSON; misaligned or unordered intervals are refused")
    func coding() throws {
        let (series, _) = Self.series(seconds: 130, seed: 5)
        let data = try JSONEncoder().encode(series.intervals)
        #expect(try JSONDecoder().decode(IntervalHistograms.self, from: data) == series.intervals)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let list = try #require(object["intervals"] as? [[String: Any]])
        #expect(object["seconds"] as? Int == 60)
        #expect(list.map { $0["firstSecond"] as? Int } == [1, 61, 121])
        #expect(list.allSatisfy { $0["messageRTT"] != nil })
        #expect(list[2]["reconnectTime"] != nil, "second 126 had a reconnect")
        var shifted = object
        shifted["intervals"] = list.map { interval in
            var copy = interval
            copy["firstSecond"] = (interval["firstSecond"] as? Int ?? 0) + 1
            return copy
        }
        let bad = try JSONSerialization.data(withJSONObject: shifted)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(IntervalHistograms.self, from: bad) }
        var reversed = object
        reversed["intervals"] = Array(list.reversed())
        let unordered = try JSONSerialization.data(withJSONObject: reversed)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(IntervalHistograms.self, from: unordered) }
    }

    @Test("The interval of a second: aligned on second 1, floor division before it")
    func alignment() {
        #expect(IntervalHistograms.firstSecond(of: 1, length: 60) == 1)
        #expect(IntervalHistograms.firstSecond(of: 60, length: 60) == 1)
        #expect(IntervalHistograms.firstSecond(of: 61, length: 60) == 61)
        #expect(IntervalHistograms.firstSecond(of: 0, length: 60) == -59)
        #expect(IntervalHistograms.firstSecond(of: -59, length: 60) == -59)
        #expect(IntervalHistograms.firstSecond(of: 1_767_323_045, length: 60) == 1_767_323_041)
    }
}

/// A small deterministic generator (SplitMix64), so the tests see the same values on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
