import Foundation
import LoadMetrics
import RunResults
import Testing

/// The size bound of issue 10: an hour at 1,000 connections writes at most ~20 MB of report.json, with no loss
/// of the run totals and exact percentiles over whole intervals.
@Suite("Result size")
struct ResultSizeTests {
    /// One hour at 1,000 connections, one echo a second each: round trips log-normal around 2 ms (σ 0.6) with
    /// a 1 % tail up to 1.5 s, a few errors, reconnects in one minute, and the drain second. Returns the result
    /// and the per-minute union histograms of the round trips.
    static func hour() -> (RunResult, [LatencyHistogram]) {
        var random = SeededRandom(state: 2026)
        var metrics = MetricsSnapshot()
        var series = TimeSeries()
        var minutes = Array(repeating: LatencyHistogram(), count: 60)
        let base: Int64 = 1
        for second in Int64(0)..<3_600 {
            var interval = MetricsSnapshot()
            for _ in 0..<1_000 {
                let normal = Self.normal(using: &random)
                var value = 2_000 * exp(0.6 * normal)
                if Double.random(in: 0..<1, using: &random) < 0.01 {
                    value = Double.random(in: 5_000...1_500_000, using: &random)
                }
                interval.record(.messageRTT, UInt64(value))
            }
            interval.add(1_000, to: .messagesSent)
            interval.add(1_000, to: .messagesReceived)
            interval.add(64_000, to: .payloadBytesSent)
            interval.add(64_000, to: .payloadBytesReceived)
            interval.add(72_000, to: .wireBytesSent)
            interval.add(68_000, to: .wireBytesReceived)
            interval.setConnectionsOpen(1_000, byTarget: ["pod-a": 500, "pod-b": 500])
            if second % 97 == 0 { interval.addError(code: "ws.timeout", count: 1) }
            if second / 60 == 30 {
                interval.record(.reconnect, UInt64(200_000 + second))
                interval.add(1, to: .reconnects)
            }
            minutes[Int(second / 60)].merge(interval[.messageRTT])
            series.append(interval, atSecond: base + second)
            metrics.merge(interval)
        }
        // The drain after the stop is one more point, as the engine writes it.
        var drain = MetricsSnapshot()
        for value in [1_900, 2_100, 2_500] as [UInt64] { drain.record(.messageRTT, value) }
        series.append(drain, atSecond: base + 3_600)
        metrics.merge(drain)
        return (Results.result(metrics: metrics, timeSeries: series, seconds: 3_600), minutes)
    }

    private static func normal(using random: inout SeededRandom) -> Double {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &random)
        let v = Double.random(in: 0..<1, using: &random)
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }

    @Test("An hour at 1,000 connections encodes under 20 MB, and decodes with its totals and intervals unchanged")
    func hourUnderBound() throws {
        let (result, minutes) = Self.hour()
        let data = try result.jsonData()
        // 9.3 MB with this spread; a wider one fills more buckets per minute (see docs/reports.md).
        #expect(data.count < 20_000_000, "report.json of one hour: \(data.count) bytes")
        // One histogram per minute, and one for the drain second.
        #expect(result.timeSeries.intervals.seconds == 60)
        #expect(result.timeSeries.intervals.intervals.count == 61)
        let decoded = try RunResult.decode(data, source: "hour.json")
        #expect(decoded.metrics == result.metrics)
        #expect(decoded.metrics[.messageRTT].count == 3_600_003)
        #expect(decoded.timeSeries == result.timeSeries)
        // Every one-minute interval holds exactly that minute's round trips.
        for (index, interval) in decoded.timeSeries.intervals.intervals.prefix(60).enumerated() {
            #expect(interval.messageRTT == minutes[index], "minute \(index)")
        }
        // A window of whole intervals (minutes 10 … 29) has the percentiles of all its values.
        let window = decoded.timeSeries.intervals.merged(within: 601...1_800, configuration: .latencyMicroseconds)
        let union = minutes[10..<30].reduce(LatencyHistogram()) { $0.merged(with: $1) }
        for level in [50.0, 90, 99, 99.9, 100] {
            #expect(window.messageRTT.value(atPercentile: level) == union.value(atPercentile: level))
        }
        #expect(window.reconnectTime.isEmpty)
        #expect(
            decoded.timeSeries.intervals.merged(within: 1_801...1_860, configuration: .latencyMicroseconds)
                .reconnectTime.count == 60
        )
    }
}
