import Foundation
import Testing

@testable import LoadMetrics

@Suite("Lossless JSON form of histograms and snapshots")
struct HistogramCodingTests {
    static func roundTrip<Value: Codable>(_ value: Value) throws -> Value {
        let data = try JSONEncoder().encode(value)
        return try JSONDecoder().decode(Value.self, from: data)
    }

    static func decode(_ json: String) throws -> LatencyHistogram {
        try JSONDecoder().decode(LatencyHistogram.self, from: Data(json.utf8))
    }

    @Test("A JSON round trip keeps every bucket, the exact extremes and every percentile", arguments: [1, 2, 3, 4])
    func roundTripIsLossless(seed: UInt64) throws {
        var random = TestRandom(seed: seed)
        var histogram = LatencyHistogram()
        for _ in 0..<20_000 { histogram.record(random.latency()) }
        histogram.record(0, count: seed)  // zeros are valid samples (sub-microsecond)
        let decoded = try Self.roundTrip(histogram)
        #expect(decoded == histogram)
        #expect(decoded.count == histogram.count)
        #expect(decoded.overflowCount == histogram.overflowCount)
        #expect(decoded.min == histogram.min)
        #expect(decoded.max == histogram.max)
        #expect(decoded.mean == histogram.mean)
        #expect(decoded.standardDeviation == histogram.standardDeviation)
        for percentile in checkedPercentiles {
            #expect(decoded.value(atPercentile: percentile) == histogram.value(atPercentile: percentile))
        }
        #expect(decoded.percentileSpectrum() == histogram.percentileSpectrum())
    }

    @Test("Extremes inside wide buckets survive the round trip exactly")
    func extremesInWideBuckets() throws {
        var histogram = LatencyHistogram()
        // At 40 s the bucket width is 32 µs: min and max are not bucket boundaries.
        histogram.record(40_000_017)
        histogram.record(40_000_019)
        histogram.record(40_000_030)
        #expect(histogram.lowestEquivalentValue(40_000_017) == histogram.lowestEquivalentValue(40_000_030))
        let decoded = try Self.roundTrip(histogram)
        #expect(decoded.min == 40_000_017)
        #expect(decoded.max == 40_000_030)
        for percentile in checkedPercentiles {
            #expect(decoded.value(atPercentile: percentile) == histogram.value(atPercentile: percentile))
        }
        let single = try Self.roundTrip(
            {
                var h = LatencyHistogram(); h.record(59_999_999); return h
            }()
        )
        #expect(single.min == 59_999_999 && single.max == 59_999_999)
    }

    @Test("Decoded shard histograms merge to exactly the union's percentiles")
    func decodedShardsMergeExactly() throws {
        let (parts, union) = HistogramMergeTests.shardedAndUnion(shards: 5, count: 30_000, seed: 99)
        var merged = LatencyHistogram()
        for part in parts { merged.merge(try Self.roundTrip(part)) }
        #expect(merged == union)
        for percentile in checkedPercentiles {
            #expect(merged.value(atPercentile: percentile) == union.value(atPercentile: percentile))
        }
    }

    @Test("The JSON lists configuration, extremes, overflow and [value, count] buckets")
    func jsonShape() throws {
        var histogram = LatencyHistogram()
        histogram.record(5, count: 2)
        histogram.record(3_000)
        histogram.record(61_000_000)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(histogram), as: UTF8.self)
        #expect(
            json == #"{"buckets":[[5,2],[3000,1]],"configuration":{"highestTrackableValue":60000000,"#
                + #""lowestDiscernibleValue":1,"significantDigits":3},"max":3000,"min":5,"overflowCount":1,"totalCount":3}"#
        )
    }

    @Test(
        "Inconsistent encoded histograms are rejected with a typed reason",
        arguments: [
            ("empty bucket", #"[[5,0]]"#, 0 as UInt64, 5 as UInt64, 5 as UInt64, "histogram.empty-bucket"),
            ("count mismatch", #"[[5,2]]"#, 3, 5, 5, "histogram.count-mismatch"),
            ("value above range", #"[[70000000,1]]"#, 1, 70_000_000, 70_000_000, "histogram.value-out-of-range"),
            ("descending", #"[[9,1],[5,1]]"#, 2, 5, 9, "histogram.buckets-not-ascending"),
            ("duplicate", #"[[5,1],[5,1]]"#, 2, 5, 5, "histogram.buckets-not-ascending"),
            ("max outside buckets", #"[[5,1],[9,1]]"#, 2, 5, 12, "histogram.extremes-inconsistent"),
            ("min above max", #"[[5,1]]"#, 1, 6, 5, "histogram.extremes-inconsistent"),
            (
                "one value, two extremes", #"[[40000000,1]]"#, 1, 40_000_001, 40_000_010,
                "histogram.extremes-inconsistent"
            ),
            ("extremes when empty", #"[]"#, 0, 0, 3, "histogram.extremes-inconsistent"),
        ]
    )
    func rejectsInconsistentHistograms(
        name: String,
        buckets: String,
        total: UInt64,
        min: UInt64,
        max: UInt64,
        code: String
    ) throws {
        let json =
            #"{"configuration":{"lowestDiscernibleValue":1,"highestTrackableValue":60000000,"significantDigits":3},"#
            + #""totalCount":\#(total),"min":\#(min),"max":\#(max),"overflowCount":0,"buckets":\#(buckets)}"#
        let encoded = try JSONDecoder().decode(HistogramBuckets.self, from: Data(json.utf8))
        #expect(throws: HistogramDecodingError.self, "\(name)") { try LatencyHistogram(buckets: encoded) }
        do {
            _ = try LatencyHistogram(buckets: encoded)
        } catch {
            #expect(error.code == code, "\(name)")
            #expect(!error.description.isEmpty)
        }
        #expect(throws: DecodingError.self) { try Self.decode(json) }
    }

    @Test(
        "Configurations outside the supported ranges do not decode",
        arguments: [
            (0 as UInt64, 100 as UInt64, 3), (1, 1, 3), (1, 100, 6), (1, 100, -1), (1, 1 << 41, 3),
        ]
    )
    func rejectsBadConfiguration(lowest: UInt64, highest: UInt64, digits: Int) {
        let json =
            #"{"lowestDiscernibleValue":\#(lowest),"highestTrackableValue":\#(highest),"significantDigits":\#(digits)}"#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(HistogramConfiguration.self, from: Data(json.utf8))
        }
        #expect(
            HistogramConfiguration(
                lowestDiscernibleValue: lowest,
                highestTrackableValue: highest,
                significantDigits: digits
            ) == nil
        )
    }

    @Test("The standard layout has 17,408 counts and oversized layouts are refused")
    func layoutSize() {
        #expect(HistogramConfiguration.bucketArrayLength(lowest: 1, highest: 60_000_000, digits: 3) == 17_408)
        #expect(
            HistogramConfiguration(lowestDiscernibleValue: 1, highestTrackableValue: 1 << 40, significantDigits: 5)
                == nil
        )
        #expect(
            HistogramConfiguration(lowestDiscernibleValue: 1, highestTrackableValue: 1 << 40, significantDigits: 3)
                != nil
        )
    }

    @Test("A snapshot round-trips through JSON unchanged, naming every metric")
    func snapshotRoundTrip() throws {
        var recorder = MetricsRecorder()
        var random = TestRandom(seed: 5)
        for metric in HistogramMetric.allCases {
            for _ in 0..<500 { recorder.record(metric, microseconds: random.latency()) }
        }
        for counter in CounterMetric.allCases { recorder.increment(counter, by: UInt64(counter.rawValue + 1)) }
        recorder.recordError(code: "tls.hostname-mismatch")
        recorder.recordClose(code: 1001, initiator: .client)
        recorder.recordClose(code: 1006, initiator: .transport)
        recorder.recordTargetIdentity("pod-a")
        recorder.connectionOpened()
        let snapshot = recorder.snapshot().total
        let data = try JSONEncoder().encode(snapshot)
        let decoded = try JSONDecoder().decode(MetricsSnapshot.self, from: data)
        #expect(decoded == snapshot)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let histograms = try #require(object["histograms"] as? [String: Any])
        #expect(Set(histograms.keys) == Set(HistogramMetric.allCases.map(\.name)))
        let counters = try #require(object["counters"] as? [String: Any])
        #expect(Set(counters.keys) == Set(CounterMetric.allCases.map(\.name)))
    }

    @Test("A snapshot with an unknown metric name is rejected rather than silently dropped")
    func unknownMetricRejected() throws {
        let data = try JSONEncoder().encode(MetricsSnapshot())
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var counters = try #require(object["counters"] as? [String: Any])
        counters["messages_teleported"] = 1
        object["counters"] = counters
        let changed = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(MetricsSnapshot.self, from: changed) }
    }
}
