import Foundation
import Testing

@testable import LoadMetrics

/// The drain-and-reconnect metrics: reconnect times, errors by target, open connections by target, and
/// their per-second points; recorded, merged across workers and shards, and round-tripped through JSON.
@Suite("Drain metrics")
struct DrainMetricsTests {
    /// One worker's drain: three connections on `a`, two of them closed by the server with 1001 and
    /// replaced on `b` after 150 ms and 2 s.
    static func drainedRecorder() -> MetricsRecorder {
        var recorder = MetricsRecorder()
        for _ in 0..<3 { recorder.connectionOpened(target: "a") }
        recorder.connectionOpened()
        recorder.recordError(code: "close.1001", target: "a")
        recorder.connectionClosed(target: "a")
        recorder.recordError(code: "close.1001", target: "a")
        recorder.connectionClosed(target: "a")
        recorder.recordError(code: "tcp.refused", target: nil)
        recorder.increment(.messagesLost, by: 4)
        recorder.connectionOpened(target: "b")
        recorder.recordReconnect(nanoseconds: 150_000_000)
        recorder.connectionOpened(target: "b")
        recorder.recordReconnect(nanoseconds: 2_000_000_000)
        return recorder
    }

    @Test("Reconnects, errors by target and open connections by target are recorded")
    func recording() {
        var recorder = Self.drainedRecorder()
        let total = recorder.snapshot().total
        #expect(total[.reconnects] == 2)
        #expect(total[.reconnect].count == 2)
        #expect(total[.reconnect].min == 150_000)
        #expect(total[.reconnect].max >= 1_999_000 && total[.reconnect].max <= 2_001_000)
        #expect(total.errors == ["close.1001": 2, "tcp.refused": 1])
        #expect(total.errorsByTarget == ["a": ["close.1001": 2]])
        #expect(total.connectionsOpen == 4)
        #expect(total.connectionsOpenByTarget == ["a": 1, "b": 2])
        #expect(recorder.connectionsOpenByTarget == ["a": 1, "b": 2])
    }

    @Test("A target whose last connection closed leaves the gauge; closes never go below zero")
    func gaugeDropsEmptyTargets() {
        var recorder = MetricsRecorder()
        recorder.connectionOpened(target: "a")
        recorder.connectionClosed(target: "a")
        recorder.connectionClosed(target: "a")
        recorder.connectionClosed(target: "z")
        #expect(recorder.connectionsOpenByTarget.isEmpty)
        #expect(recorder.connectionsOpen == 0)
    }

    @Test("The interval gauge is the current reading; totals keep counts across intervals")
    func intervals() {
        var recorder = Self.drainedRecorder()
        let first = recorder.snapshot(resetInterval: true)
        #expect(first.interval.connectionsOpenByTarget == ["a": 1, "b": 2])
        recorder.connectionClosed(target: "a")
        recorder.recordError(code: "close.1006", target: "b")
        let second = recorder.snapshot(resetInterval: true)
        #expect(second.interval.connectionsOpenByTarget == ["b": 2])
        #expect(second.interval.errorsByTarget == ["b": ["close.1006": 1]])
        #expect(second.interval[.reconnects] == 0)
        #expect(second.total.connectionsOpenByTarget == ["b": 2])
        #expect(second.total.errorsByTarget == ["a": ["close.1001": 2], "b": ["close.1006": 1]])
        #expect(second.total[.reconnects] == 2)
    }

    @Test("Snapshots of workers merge losslessly: counts and gauges by target add, reconnect times merge")
    func merge() {
        var one = Self.drainedRecorder()
        var two = Self.drainedRecorder()
        two.recordReconnect(nanoseconds: 300_000_000)
        let merged = one.snapshot().total.merged(with: two.snapshot().total)
        #expect(merged[.reconnects] == 5)
        #expect(merged[.reconnect].count == 5)
        #expect(merged.errorsByTarget == ["a": ["close.1001": 4]])
        #expect(merged.connectionsOpenByTarget == ["a": 2, "b": 4])
        var union = LatencyHistogram()
        for value: UInt64 in [150_000, 2_000_000, 150_000, 2_000_000, 300_000] { union.record(value) }
        #expect(merged[.reconnect] == union)
    }

    @Test("The drain fields round-trip through JSON, and a snapshot without them decodes with them empty")
    func coding() throws {
        var recorder = Self.drainedRecorder()
        let snapshot = recorder.snapshot().total
        let data = try JSONEncoder().encode(snapshot)
        #expect(try JSONDecoder().decode(MetricsSnapshot.self, from: data) == snapshot)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((object["errorsByTarget"] as? [String: [String: Int]]) == ["a": ["close.1001": 2]])
        #expect((object["connectionsOpenByTarget"] as? [String: Int]) == ["a": 1, "b": 2])

        // A report written before the drain fields existed: no reconnect histogram or counter, no maps.
        var old = object
        old.removeValue(forKey: "errorsByTarget")
        old.removeValue(forKey: "connectionsOpenByTarget")
        var histograms = try #require(old["histograms"] as? [String: Any])
        histograms.removeValue(forKey: "reconnect")
        old["histograms"] = histograms
        var counters = try #require(old["counters"] as? [String: Any])
        counters.removeValue(forKey: "reconnects")
        old["counters"] = counters
        let decoded = try JSONDecoder().decode(
            MetricsSnapshot.self,
            from: try JSONSerialization.data(withJSONObject: old)
        )
        #expect(decoded[.reconnects] == 0)
        #expect(decoded[.reconnect].isEmpty)
        #expect(decoded.errorsByTarget.isEmpty)
        #expect(decoded.connectionsOpenByTarget.isEmpty)
        #expect(decoded.errors == snapshot.errors)

        // Empty maps are not written.
        let empty = try #require(
            try JSONSerialization.jsonObject(with: try JSONEncoder().encode(MetricsSnapshot())) as? [String: Any]
        )
        #expect(empty["errorsByTarget"] == nil)
        #expect(empty["connectionsOpenByTarget"] == nil)
    }

    static func interval(open: [String: UInt64], reconnects: [UInt64], lost: UInt64) -> MetricsSnapshot {
        var recorder = MetricsRecorder()
        for (target, count) in open { for _ in 0..<count { recorder.connectionOpened(target: target) } }
        for value in reconnects { recorder.recordReconnect(nanoseconds: value * 1_000) }
        recorder.increment(.messagesLost, by: lost)
        if !reconnects.isEmpty { recorder.recordError(code: "close.1001", target: "a") }
        return recorder.snapshot().interval
    }

    @Test("A point carries messages lost, reconnects with their times, and open connections by target")
    func point() {
        var series = TimeSeries()
        series.append(Self.interval(open: ["a": 3], reconnects: [], lost: 0), atSecond: 100)
        series.append(Self.interval(open: ["b": 3], reconnects: [100, 200, 300], lost: 2), atSecond: 101)
        let before = series.points[0]
        let after = series.points[1]
        #expect(before.connectionsOpenByTarget == ["a": 3])
        #expect(before.reconnects == 0)
        #expect(before.reconnectTime.count == 0)
        #expect(after.connectionsOpenByTarget == ["b": 3])
        #expect(after.reconnects == 3)
        #expect(after.messagesLost == 2)
        #expect(after.errors["close.1001"] == 1)
        #expect(after.reconnectP50 == 200)
        #expect(after.reconnectP99 == 300)
        #expect(after.reconnectMax == 300)
    }

    @Test("Shard series merge per second: reconnects add, times merge exactly, gauges by target add")
    func seriesMerge() throws {
        var shardA = TimeSeries()
        var shardB = TimeSeries()
        shardA.append(Self.interval(open: ["a": 3], reconnects: [], lost: 0), atSecond: 100)
        shardA.append(Self.interval(open: ["b": 3], reconnects: [100, 200], lost: 1), atSecond: 101)
        shardB.append(Self.interval(open: ["b": 2, "c": 1], reconnects: [900], lost: 2), atSecond: 101)
        let merged = shardA.merged(with: shardB)
        let point = try #require(merged.point(atSecond: 101))
        #expect(point.reconnects == 3)
        #expect(point.messagesLost == 3)
        #expect(point.connectionsOpenByTarget == ["b": 5, "c": 1])
        #expect(point.reconnectTime.count == 3)
        #expect(point.reconnectMax == 900)
        #expect(merged.point(atSecond: 100)?.connectionsOpenByTarget == ["a": 3])

        // Two ticks in one second: the later gauge reading wins, counts add.
        var ticks = TimeSeries()
        ticks.append(Self.interval(open: ["a": 3], reconnects: [50], lost: 1), atSecond: 7)
        ticks.append(Self.interval(open: ["b": 1], reconnects: [70], lost: 1), atSecond: 7)
        #expect(ticks.points[0].connectionsOpenByTarget == ["b": 1])
        #expect(ticks.points[0].reconnects == 2)
        #expect(ticks.points[0].reconnectMax == 70)
    }

    @Test("Points round-trip through JSON; points written before the drain fields decode with them empty")
    func pointCoding() throws {
        var series = TimeSeries()
        series.append(Self.interval(open: ["a": 3], reconnects: [], lost: 0), atSecond: 100)
        series.append(Self.interval(open: ["b": 3], reconnects: [100, 200, 300], lost: 2), atSecond: 101)
        let data = try JSONEncoder().encode(series)
        #expect(try JSONDecoder().decode(TimeSeries.self, from: data).points == series.points)
        let objects = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(objects[0]["reconnectCount"] == nil)
        #expect((objects[1]["reconnectCount"] as? Int) == 3)
        #expect((objects[1]["reconnectP99"] as? Int) == 300)

        let old = objects.map { object in
            object.filter {
                ![
                    "messagesLost", "reconnects", "connectionsOpenByTarget", "reconnectCount", "reconnectP50",
                    "reconnectP90", "reconnectP99", "reconnectP999", "reconnectMax",
                ].contains($0.key)
            }
        }
        let decoded = try JSONDecoder().decode(TimeSeries.self, from: try JSONSerialization.data(withJSONObject: old))
        #expect(decoded.points.map(\.reconnects) == [0, 0])
        #expect(decoded.points.map(\.messagesLost) == [0, 0])
        #expect(decoded.points.allSatisfy { $0.connectionsOpenByTarget.isEmpty })
        #expect(decoded.points.map(\.messagesSent) == series.points.map(\.messagesSent))
    }
}
