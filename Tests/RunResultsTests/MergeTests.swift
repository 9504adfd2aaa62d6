import Foundation
import LoadMetrics
import RunResults
import Scenario
import Testing

@Suite("Merging shard results")
struct MergeTests {
    /// Splits the same random run across `shards` results and also records it into one result.
    static func split(shards: Int, seed: UInt64) -> (parts: [RunResult], union: RunResult) {
        var random = SeededRandom(state: seed)
        var partMetrics = Array(repeating: MetricsSnapshot(), count: shards)
        var partSeries = Array(repeating: TimeSeries(), count: shards)
        var unionMetrics = MetricsSnapshot()
        var unionSeries = TimeSeries()
        let base: Int64 = 1_767_323_045
        for second in 0..<20 {
            var unionInterval = MetricsSnapshot()
            for shard in 0..<shards {
                // Shards start at slightly different seconds, as pods of an Indexed Job do.
                guard second >= shard else { continue }
                var interval = MetricsSnapshot()
                for _ in 0..<Int.random(in: 50...150, using: &random) {
                    // Log-uniform between 20 µs and 2 s: many buckets, a long tail.
                    let value = UInt64(20 * pow(100_000, Double.random(in: 0...1, using: &random)))
                    interval.record(.messageRTT, value)
                    interval.record(.connectTotal, value / 3 + 100)
                }
                let attempts = UInt64.random(in: 1...5, using: &random)
                interval.add(attempts, to: .connectionAttempts)
                interval.add(attempts, to: .upgradesOK)
                interval.add(UInt64(second * 10), to: .messagesSent)
                if Bool.random(using: &random) { interval.addError(code: "ws.timeout", count: 1) }
                interval.addClose(CloseKey(code: 1000, initiator: .client), count: attempts)
                interval.addTargetIdentity("pod-\(shard % 2)", count: attempts)
                interval.setConnectionsOpen(attempts)
                partSeries[shard].append(interval, atSecond: base + Int64(second))
                partMetrics[shard].merge(interval)
                unionInterval.merge(interval)
            }
            unionSeries.append(unionInterval, atSecond: base + Int64(second))
            unionMetrics.merge(unionInterval)
        }
        let parts = (0..<shards).map { shard in
            Results.result(
                metrics: partMetrics[shard],
                timeSeries: partSeries[shard],
                shard: "\(shard + 1)/\(shards)",
                host: "pod-\(shard)",
                seconds: Double(20 - shard)
            )
        }
        return (parts, Results.result(metrics: unionMetrics, timeSeries: unionSeries))
    }

    @Test(
        "Merging N shards equals one result of the union: counts exact, every percentile equal",
        arguments: [1, 2, 3, 7]
    )
    func exact(shards: Int) throws {
        let (parts, union) = Self.split(shards: shards, seed: UInt64(shards) * 7919)
        let merged = try RunResult.merging(parts)
        #expect(merged.metrics == union.metrics)
        for metric in HistogramMetric.allCases {
            let a = merged.metrics[metric]
            let b = union.metrics[metric]
            #expect(a.count == b.count)
            for level in stride(from: 0.0, through: 100.0, by: 0.5) + [99.9, 99.99, 99.999] {
                #expect(a.value(atPercentile: level) == b.value(atPercentile: level), "\(metric.name) p\(level)")
            }
            #expect(a.min == b.min && a.max == b.max)
        }
        MergeTimeSeriesTests.expectSeries(merged.timeSeries, matches: union.timeSeries, parts: parts.map(\.timeSeries))
        #expect(merged.shard == nil)
        #expect(merged.environment.cores == 2 * shards)
        #expect(merged.environment.durationSeconds == 20)
    }

    @Test("Merging shards read back from JSON is still exact (lossless histograms)")
    func exactThroughJSON() throws {
        let (parts, union) = Self.split(shards: 4, seed: 42)
        let decoded = try parts.map { try RunResult.decode($0.jsonData(), source: "shard") }
        let merged = try RunResult.merging(decoded)
        #expect(merged.metrics == union.metrics)
        MergeTimeSeriesTests.expectSeries(merged.timeSeries, matches: union.timeSeries, parts: parts.map(\.timeSeries))
        let p99 = merged.metrics[.messageRTT].value(atPercentile: 99)
        #expect(p99 == union.metrics[.messageRTT].value(atPercentile: 99))
    }

    @Test("Checks and thresholds combine by name: one failure in any shard fails the merged outcome")
    func outcomes() throws {
        let ok = CheckOutcome(name: "upgrade.status", passed: true, message: "ok")
        let bad = CheckOutcome(name: "upgrade.status", passed: false, message: "503 on pod-b")
        let other = CheckOutcome(name: "route", passed: true, message: "ok")
        let t1 = ThresholdOutcome(
            expression: "future(metric) < 1",
            observed: 0.5,
            observedText: "500ms",
            limit: "< 1s",
            passed: true
        )
        let t2 = ThresholdOutcome(
            expression: "future(metric) < 1",
            observed: 1.5,
            observedText: "1.5s",
            limit: "< 1s",
            passed: false
        )
        let merged = try RunResult.merging([
            Results.result(shard: "1/2", checks: [ok, other], thresholds: [t1]),
            Results.result(shard: "2/2", checks: [bad], thresholds: [t2]),
        ])
        #expect(merged.checks == [bad, other])
        #expect(merged.thresholds == [t2])
        #expect(merged.verdict == .failed)
    }

    @Test("Thresholds are re-evaluated from their text on the merged data, not combined")
    func reevaluatedFromText() throws {
        // Shard 1 alone has p98 = 900 µs (fails < 500us); shard 2 alone is all fast. Combining the
        // shard outcomes would fail the run, but the union's p98 is 100 µs: the exact answer passes.
        var slow = MetricsSnapshot()
        for _ in 0..<97 { slow.record(.messageRTT, 100) }
        for _ in 0..<3 { slow.record(.messageRTT, 900) }
        var fast = MetricsSnapshot()
        for _ in 0..<100 { fast.record(.messageRTT, 100) }
        let text = "p98(message_rtt) < 500us"
        let failed = ThresholdOutcome(
            expression: text,
            observed: 0.0009,
            observedText: "900µs",
            limit: "< 500us",
            passed: false
        )
        let passed = ThresholdOutcome(
            expression: text,
            observed: 0.0001,
            observedText: "100µs",
            limit: "< 500us",
            passed: true
        )
        let merged = try RunResult.merging([
            Results.result(metrics: slow, shard: "1/2", thresholds: [failed]),
            Results.result(metrics: fast, shard: "2/2", thresholds: [passed]),
        ])
        let outcome = try #require(merged.thresholds.first)
        #expect(outcome.passed)
        #expect(outcome.observed == 0.0001)
        #expect(outcome.observedText == "100µs")
        #expect(merged.verdict == .passed)
    }

    @Test("A re-evaluation closure replaces combined thresholds with ones computed from merged data")
    func reevaluate() throws {
        let failing = ThresholdOutcome(expression: "x", observed: 2, observedText: "2", limit: "< 1", passed: false)
        let merged = try RunResult.merging(
            [Results.result(shard: "1/2", thresholds: [failing]), Results.result(shard: "2/2")],
            reevaluate: { result in
                [
                    ThresholdOutcome(
                        expression: "x",
                        observed: 0,
                        observedText: "0",
                        limit: "< 1",
                        passed: result.metrics.errorCount == 0
                    )
                ]
            }
        )
        #expect(merged.thresholds.map(\.passed) == [true])
        #expect(merged.verdict == .passed)
    }

    @Test("Interrupted if any shard was; error verdict if any shard's was")
    func flags() throws {
        var interrupted = Results.result(shard: "1/2")
        interrupted.interrupted = true
        var broken = Results.result(shard: "2/2")
        broken.verdict = .error
        let merged = try RunResult.merging([interrupted, broken])
        #expect(merged.interrupted)
        #expect(merged.verdict == .error)
    }

    static func incompatibleInputs(_ code: String) -> [RunResult] {
        switch code {
        case "merge.scenario-mismatch": return [Results.result(scenario: "a"), Results.result(scenario: "b")]
        case "merge.kind-mismatch": return [Results.result(kind: .run), Results.result(kind: .check)]
        case "merge.duplicate-shard": return [Results.result(shard: "1/2"), Results.result(shard: "1/2")]
        case "merge.not-a-shard": return [Results.result(shard: "0/2"), Results.result()]
        case "merge.shard-count-mismatch": return [Results.result(shard: "0/2"), Results.result(shard: "1/3")]
        case "merge.duration-mismatch":
            var first = Results.result(shard: "0/2")
            first.environment.plannedDurationSeconds = 30
            var second = Results.result(shard: "1/2")
            second.environment.plannedDurationSeconds = 60
            return [first, second]
        case "merge.histogram-configuration-mismatch":
            let small = HistogramConfiguration(
                lowestDiscernibleValue: 1,
                highestTrackableValue: 1000,
                significantDigits: 2
            )
            return [
                Results.result(shard: "0/2"),
                Results.result(
                    metrics: MetricsSnapshot(configuration: small ?? .latencyMicroseconds),
                    shard: "1/2"
                ),
            ]
        default: return []
        }
    }

    @Test(
        "Incompatible inputs fail with a stable code",
        arguments: [
            "merge.no-inputs", "merge.scenario-mismatch", "merge.kind-mismatch", "merge.duplicate-shard",
            "merge.histogram-configuration-mismatch", "merge.not-a-shard", "merge.shard-count-mismatch",
            "merge.duration-mismatch",
        ]
    )
    func incompatible(_ code: String) {
        do {
            _ = try RunResult.merging(Self.incompatibleInputs(code))
            Issue.record("merging succeeded; expected \(code)")
        } catch {
            #expect(error.code == code)
            #expect(error.description.hasPrefix("error[\(code)]"))
        }
    }

    @Test("A different schema version is refused")
    func schemaVersion() {
        var old = Results.result()
        old.schemaVersion = 0
        do {
            _ = try RunResult.merging([Results.result(shard: "0/2"), old])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "merge.schema-version-mismatch")
        }
    }

    @Test("Two runs of one scenario name with other settings are refused, naming the first difference")
    func scenarioDefinition() {
        var other = Results.result(shard: "1/2")
        other.scenario = .object(["name": .string("echo"), "load": .object(["connections": .number(9)])])
        do {
            _ = try RunResult.merging([Results.result(shard: "0/2"), other])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "merge.scenario-mismatch")
            #expect(error.description.contains("(load differs)"), "\(error.description)")
        }
    }

    @Test("Shards on machines with their own source addresses and output folders are still one run")
    func perMachineKeys() throws {
        func shard(_ label: String, source: String, out: String) -> RunResult {
            var result = Results.result(shard: label)
            result.scenario = .object([
                "name": .string("echo"),
                "target": .object(["url": .string("ws://t/"), "source": .array([.string(source)])]),
                "output": .object(["dir": .string(out)]),
            ])
            return result
        }
        let merged = try RunResult.merging([
            shard("0/2", source: "10.0.0.5", out: "a"), shard("1/2", source: "10.0.0.6", out: "b"),
        ])
        #expect(merged.shard == nil)
    }

    @Test("Whole runs are not shards, a shard count must agree, and the coverage counts the shards given")
    func shardLabels() throws {
        #expect(throws: MergeError.notAShard(shard: nil, index: 0)) {
            try RunResult.merging([Results.result(), Results.result()])
        }
        #expect(throws: MergeError.notAShard(shard: "2", index: 1)) {
            try RunResult.merging([Results.result(shard: "0/2"), Results.result(shard: "2")])
        }
        let parts = [Results.result(shard: "0/3"), Results.result(shard: "2/3")]
        #expect(try RunResult.merging(parts).shard == nil)
        #expect(RunResult.shardCoverage(parts)?.present == 2)
        #expect(RunResult.shardCoverage(parts)?.of == 3)
        #expect(try RunResult.merging([Results.result()]).verdict == .passed)
    }
}
