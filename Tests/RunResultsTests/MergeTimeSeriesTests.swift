import Foundation
import LoadMetrics
import RunResults
import Testing

@Suite("Merging shard time series")
struct MergeTimeSeriesTests {
    /// The merged series against the series of the union: interval histograms equal (exact), per-second counts
    /// and maxima equal, per-second percentiles exact where one shard had values and elsewhere the largest of
    /// the shards' (HdrHistogram rounds a percentile's rank to the nearest value, so that is an upper bound of
    /// the union's only up to that rounding).
    static func expectSeries(_ merged: TimeSeries, matches union: TimeSeries, parts: [TimeSeries]) {
        #expect(merged.intervals == union.intervals)
        #expect(!merged.intervals.intervals.isEmpty)
        #expect(merged.points.map(\.second) == union.points.map(\.second))
        for (got, want) in zip(merged.points, union.points) {
            var counts = got
            counts.messageRTT = want.messageRTT
            counts.reconnectTime = want.reconnectTime
            #expect(counts == want, "second \(got.second)")
            #expect(got.messageRTT.count == want.messageRTT.count)
            #expect(got.rttMax == want.rttMax)
            if got.messageRTT.exact {
                #expect(got.messageRTT == want.messageRTT)
            } else {
                let shards = parts.compactMap { $0.point(atSecond: got.second)?.messageRTT }.filter { !$0.isEmpty }
                #expect(shards.count > 1)
                #expect(got.rttP50 == shards.map(\.p50).max() && got.rttP90 == shards.map(\.p90).max())
                #expect(got.rttP99 == shards.map(\.p99).max() && got.messageRTT.p999 == shards.map(\.p999).max())
            }
        }
    }

    @Test("A second several shards measured has upper-bound percentiles, marked so; one shard's stays exact")
    func perSecondPercentiles() throws {
        let (parts, union) = MergeTests.split(shards: 3, seed: 5)
        let merged = try RunResult.merging(parts)
        let base: Int64 = 1_767_323_045
        // Shard i starts at second i: only shard 1 measured the first second.
        let first = try #require(merged.timeSeries.point(atSecond: base))
        #expect(first.messageRTT == union.timeSeries.point(atSecond: base)?.messageRTT)
        #expect(first.messageRTT.exact)
        #expect(merged.timeSeries.point(atSecond: base + 5)?.messageRTT.exact == false)
        let json = String(decoding: try merged.jsonData(), as: UTF8.self)
        #expect(json.contains("\"rttPercentilesExact\" : false"))
        let decoded = try RunResult.decode(try merged.jsonData(), source: "merged")
        #expect(decoded == merged)
    }
}
