import Foundation
import Testing

@testable import LoadMetrics

@Suite("TimeSeries")
struct TimeSeriesTests {
    static func interval(sent: UInt64, open: UInt64, rtts: [UInt64], error: String? = nil) -> MetricsSnapshot {
        var snapshot = MetricsSnapshot()
        snapshot.add(sent, to: .messagesSent)
        snapshot.add(sent, to: .messagesReceived)
        snapshot.add(sent * 64, to: .wireBytesSent)
        snapshot.add(1, to: .upgradesOK)
        snapshot.setConnectionsOpen(open)
        for rtt in rtts { snapshot.record(.messageRTT, rtt) }
        if let error { snapshot.addError(code: error) }
        return snapshot
    }

    @Test("A point carries the interval's counts and round-trip percentiles")
    func pointFromInterval() {
        var series = TimeSeries()
        series.append(Self.interval(sent: 10, open: 3, rtts: Array(1...100)), atSecond: 1_700_000_000)
        let point = series.points[0]
        #expect(point.second == 1_700_000_000)
        #expect(point.messagesSent == 10)
        #expect(point.wireBytesSent == 640)
        #expect(point.upgradesOK == 1)
        #expect(point.connectionsOpen == 3)
        #expect(point.rttP50 == 50)
        #expect(point.rttP90 == 90)
        #expect(point.rttP99 == 99)
        #expect(point.rttMax == 100)
    }

    @Test("Two ticks in one second add their counts and keep the later open-connections reading")
    func sameSecondTicks() {
        var series = TimeSeries()
        series.append(Self.interval(sent: 10, open: 3, rtts: [5]), atSecond: 100)
        series.append(Self.interval(sent: 7, open: 8, rtts: [9], error: "connect.refused"), atSecond: 100)
        #expect(series.points.count == 1)
        #expect(series.points[0].messagesSent == 17)
        #expect(series.points[0].connectionsOpen == 8)
        #expect(series.points[0].messageRTT.count == 2)
        #expect(series.points[0].errors == ["connect.refused": 1])
    }

    @Test("Shard series align by wall-clock second: counts, gauges and round trips add per second")
    func shardAlignment() throws {
        var shardA = TimeSeries()
        var shardB = TimeSeries()
        var union = LatencyHistogram()
        for second in Int64(10)...12 {
            let rtts = (1...50).map { UInt64(second) * 100 + $0 }
            shardA.append(Self.interval(sent: 100, open: 5, rtts: rtts), atSecond: second)
            if second == 11 { rtts.forEach { union.record($0) } }
        }
        for second in Int64(11)...13 {
            let rtts = (1...30).map { UInt64(second) * 1_000 + $0 }
            shardB.append(Self.interval(sent: 1, open: 2, rtts: rtts, error: "tls.handshake"), atSecond: second)
            if second == 11 { rtts.forEach { union.record($0) } }
        }
        let merged = shardA.merged(with: shardB)
        #expect(merged.points.map(\.second) == [10, 11, 12, 13])
        #expect(merged.points.map(\.messagesSent) == [100, 101, 101, 1])
        #expect(merged.points.map(\.connectionsOpen) == [5, 7, 7, 2])
        #expect(merged.points.map(\.errorCount) == [0, 1, 1, 1])
        let eleven = try #require(merged.point(atSecond: 11))
        // Without per-second histograms, a second both shards measured has exact count and maximum, and
        // percentiles that are the larger shard's: an upper bound, marked inexact.
        #expect(eleven.messageRTT.count == union.count)
        #expect(eleven.rttMax == union.max)
        #expect(eleven.rttP99 == shardB.point(atSecond: 11)?.rttP99)
        #expect(eleven.rttP99 >= union.value(atPercentile: 99))
        #expect(eleven.rttP50 >= union.value(atPercentile: 50))
        #expect(!eleven.messageRTT.exact)
        // A second only one shard measured keeps its exact figures.
        #expect(try #require(merged.point(atSecond: 10)).messageRTT.exact)
        #expect(try #require(merged.point(atSecond: 13)).messageRTT.exact)
        #expect(merged == shardB.merged(with: shardA))
        #expect(merged.point(atSecond: 9) == nil)
    }

    @Test("The points round-trip through JSON as counts and percentiles, without histograms")
    func codableRoundTrip() throws {
        var series = TimeSeries()
        series.append(Self.interval(sent: 3, open: 1, rtts: [10, 20, 30_000]), atSecond: 5)
        series.append(Self.interval(sent: 4, open: 2, rtts: [], error: "x.y"), atSecond: 6)
        let data = try JSONEncoder().encode(series)
        #expect(try JSONDecoder().decode(TimeSeries.self, from: data).points == series.points)
        let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(array[0]["rttP99"] as? Int == 30_000)
        #expect(array[0]["rttP50"] as? Int == 20)
        #expect(array[0]["rttCount"] as? Int == 3)
        #expect(array[0]["rttP999"] as? Int == 30_000)
        #expect(array[0]["messageRTT"] == nil)
        #expect(array[0]["rttPercentilesExact"] == nil, "written only for a merge's upper bounds")
        #expect(array[1]["rttCount"] as? Int == 0)
        #expect(array[1]["reconnectCount"] == nil, "written only in seconds with reconnects")
    }
}
