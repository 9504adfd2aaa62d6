import Testing

@testable import LoadMetrics

@Suite("Merging histograms and snapshots")
struct HistogramMergeTests {
    /// Records `count` random latencies into `shards` histograms round-robin and into one union.
    static func shardedAndUnion(shards: Int, count: Int, seed: UInt64) -> ([LatencyHistogram], LatencyHistogram) {
        var random = TestRandom(seed: seed)
        var parts = Array(repeating: LatencyHistogram(), count: shards)
        var union = LatencyHistogram()
        for index in 0..<count {
            let value = random.latency()
            parts[index % shards].record(value)
            union.record(value)
        }
        return (parts, union)
    }

    @Test(
        "Merging N histograms equals one histogram of the union: counts and every percentile",
        arguments: [1, 2, 3, 7]
    )
    func mergeEqualsUnion(shards: Int) {
        let (parts, union) = Self.shardedAndUnion(shards: shards, count: 50_000, seed: UInt64(shards))
        var merged = LatencyHistogram()
        for part in parts { merged.merge(part) }
        #expect(merged == union)
        #expect(merged.count == union.count)
        #expect(merged.overflowCount == union.overflowCount)
        #expect(union.overflowCount > 0)
        #expect(merged.min == union.min)
        #expect(merged.max == union.max)
        #expect(merged.mean == union.mean)
        #expect(merged.standardDeviation == union.standardDeviation)
        for percentile in checkedPercentiles {
            #expect(merged.value(atPercentile: percentile) == union.value(atPercentile: percentile))
        }
    }

    @Test("Merging N recorders' snapshots equals one recorder that saw everything")
    func recordersMergeToUnion() {
        var random = TestRandom(seed: 42)
        var recorders = (0..<4).map { _ in MetricsRecorder() }
        var single = MetricsRecorder()
        for index in 0..<20_000 {
            let worker = index % 4
            let metric = HistogramMetric.allCases[index % HistogramMetric.allCases.count]
            let counter = CounterMetric.allCases[index % CounterMetric.allCases.count]
            let value = random.latency()
            recorders[worker].record(metric, microseconds: value)
            single.record(metric, microseconds: value)
            recorders[worker].increment(counter, by: UInt64(index % 5))
            single.increment(counter, by: UInt64(index % 5))
            if index % 97 == 0 {
                let code = ["tls.handshake", "connect.refused", "handshake.unexpected-status"][index % 3]
                recorders[worker].recordError(code: code)
                single.recordError(code: code)
                recorders[worker].recordClose(code: 1000 + UInt16(index % 3), initiator: .server)
                single.recordClose(code: 1000 + UInt16(index % 3), initiator: .server)
                recorders[worker].recordTargetIdentity("pod-\(index % 2)")
                single.recordTargetIdentity("pod-\(index % 2)")
            }
        }
        for index in recorders.indices { recorders[index].connectionOpened() }
        for _ in 0..<4 { single.connectionOpened() }

        let merged = MetricsSnapshot.merging(recorders.indices.map { recorders[$0].snapshot().total })
        let expected = single.snapshot().total
        #expect(merged == expected)
        #expect(merged.connectionsOpen == 4)
        #expect(merged.errorCount == expected.errorCount)
        for metric in HistogramMetric.allCases {
            for percentile in checkedPercentiles {
                #expect(
                    merged[metric].value(atPercentile: percentile) == expected[metric].value(atPercentile: percentile)
                )
            }
            #expect(merged.overflowCount(metric) == expected.overflowCount(metric))
        }
        for counter in CounterMetric.allCases {
            #expect(merged[counter] == expected[counter])
        }
    }

    @Test("Histograms of different layouts merge by replay, keeping counts and overflow")
    func mergeAcrossConfigurations() throws {
        let narrow = try #require(
            HistogramConfiguration(lowestDiscernibleValue: 1, highestTrackableValue: 1_000, significantDigits: 2)
        )
        var other = LatencyHistogram(configuration: narrow)
        other.record(10, count: 3)
        other.record(999)
        other.record(5_000)
        var standard = LatencyHistogram()
        standard.merge(other)
        #expect(standard.count == 4)
        #expect(standard.overflowCount == 1)
        #expect(standard.value(atPercentile: 50) == 10)
    }

    @Test("Snapshot merge adds counters, keyed counts and the open-connections gauge")
    func snapshotMergeAddsEverything() {
        var first = MetricsSnapshot()
        first.add(3, to: .messagesSent)
        first.addError(code: "tls.handshake")
        first.addClose(CloseKey(code: 1000, initiator: .client))
        first.addTargetIdentity("a")
        first.setConnectionsOpen(5)
        var second = MetricsSnapshot()
        second.add(4, to: .messagesSent)
        second.addError(code: "tls.handshake", count: 2)
        second.addError(code: "connect.timeout")
        second.addClose(CloseKey(code: 1000, initiator: .client))
        second.addClose(CloseKey(code: 1006, initiator: .transport))
        second.addTargetIdentity("b")
        second.setConnectionsOpen(7)
        let merged = first.merged(with: second)
        #expect(merged[.messagesSent] == 7)
        #expect(merged.errors == ["tls.handshake": 3, "connect.timeout": 1])
        #expect(
            merged.closes == [
                CloseKey(code: 1000, initiator: .client): 2, CloseKey(code: 1006, initiator: .transport): 1,
            ]
        )
        #expect(merged.targetIdentities == ["a": 1, "b": 1])
        #expect(merged.connectionsOpen == 12)
        #expect(merged.closeCount == 3)
    }
}
