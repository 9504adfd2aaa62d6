import Foundation
import LoadMetrics
import RunResults
import Testing

/// The rules behind the verdict: a run that measured nothing is `error` whatever its thresholds, a run an
/// `abortOnFail` threshold stopped is `failed` and names it, and both survive JSON, re-evaluation and merging.
@Suite("Verdict rules: nothing measured, aborted")
struct VerdictRuleTests {
    static func metrics(attempts: UInt64, upgrades: UInt64, errors: [String: UInt64] = [:]) -> MetricsSnapshot {
        var metrics = MetricsSnapshot()
        metrics.add(attempts, to: .connectionAttempts)
        metrics.add(upgrades, to: .upgradesOK)
        metrics.add(attempts - upgrades, to: .upgradesFailed)
        for (code, count) in errors { metrics.addError(code: code, count: count) }
        return metrics
    }

    static let passingThreshold = ThresholdOutcome(
        expression: "count(errors) < 1000",
        observed: 5,
        observedText: "5",
        limit: "< 1000",
        passed: true
    )

    @Test("no connection upgraded is nothing measured, naming the attempts and the most frequent error codes")
    func noUpgrade() throws {
        let metrics = Self.metrics(attempts: 5, upgrades: 0, errors: ["tcp.refused": 4, "timeout.tcp": 1])
        let reason = try #require(NothingMeasured.reason(in: metrics))
        #expect(reason == "no connection upgraded (5 attempted: tcp.refused ×4, timeout.tcp ×1)")
        #expect(NothingMeasured.reason(in: MetricsSnapshot()) == "no connection was attempted")
        #expect(NothingMeasured.reason(in: Self.metrics(attempts: 5, upgrades: 1)) == nil)
    }

    @Test("a run that expects a refusal measured something when a request got any HTTP answer")
    func expectedStatus() {
        let refused = Self.metrics(attempts: 3, upgrades: 0)
        #expect(NothingMeasured.reason(in: refused, expectedStatus: 403, expectedStatusAnswers: 3) == nil)
        let otherStatus = Self.metrics(attempts: 3, upgrades: 0, errors: ["handshake.status.gateway-error": 3])
        #expect(NothingMeasured.reason(in: otherStatus, expectedStatus: 403, expectedStatusAnswers: 0) == nil)
        let unreachable = Self.metrics(attempts: 3, upgrades: 0, errors: ["tcp.refused": 3])
        let reason = NothingMeasured.reason(in: unreachable, expectedStatus: 403, expectedStatusAnswers: 0)
        #expect(
            reason
                == "no connection upgraded and no upgrade request was answered (expected 403) (3 attempted: tcp.refused ×3)"
        )
        #expect(NothingMeasured.reason(in: otherStatus) != nil, "expecting 101, a refused upgrade measured nothing")
    }

    @Test("an error reason makes the verdict error whatever the thresholds; an abort makes it failed")
    func derivedVerdict() {
        let reason = "no connection upgraded (5 attempted)"
        let nothing = RunResult(
            tool: ToolInfo(version: "0.1.0"),
            commandLine: [],
            kind: .run,
            scenarioName: "s",
            environment: Results.environment(),
            thresholds: [Self.passingThreshold],
            errorReason: reason
        )
        #expect(nothing.verdict == .error)
        #expect(nothing.errorReason == reason)
        let aborted = RunResult(
            tool: ToolInfo(version: "0.1.0"),
            commandLine: [],
            kind: .run,
            scenarioName: "s",
            environment: Results.environment(),
            thresholds: [Self.passingThreshold],
            abortedBy: "count(errors) < 1000"
        )
        #expect(aborted.verdict == .failed)
    }

    @Test("errorReason and abortedBy round-trip through JSON; a report without them still decodes")
    func coding() throws {
        var result = Results.result(metrics: Self.metrics(attempts: 2, upgrades: 0))
        result.verdict = .error
        result.errorReason = "no connection upgraded (2 attempted)"
        result.abortedBy = "rate(errors) < 1%"
        let data = try result.jsonData()
        let decoded = try RunResult.decode(data, source: "mem")
        #expect(decoded == result)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object.removeValue(forKey: "errorReason")
        object.removeValue(forKey: "abortedBy")
        let older = try RunResult.decode(try JSONSerialization.data(withJSONObject: object), source: "old")
        #expect(older.verdict == .error)
        #expect(older.errorReason == nil && older.abortedBy == nil)
    }

    @Test("re-evaluating thresholds keeps an aborted run failed and an errored run error")
    func reevaluation() throws {
        var aborted = Results.result(metrics: Self.metrics(attempts: 2, upgrades: 2))
        aborted.abortedBy = "count(errors) > 5"
        aborted.verdict = .failed
        #expect(aborted.evaluating([]).verdict == .failed)
        var nothing = Results.result(metrics: Self.metrics(attempts: 2, upgrades: 0))
        nothing.errorReason = "no connection upgraded (2 attempted)"
        nothing.verdict = .error
        #expect(nothing.evaluating([]).verdict == .error)
    }

    @Test("a merge with a shard that measured nothing is error and says which shard; an abort carries over")
    func merge() throws {
        var empty = Results.result(metrics: Self.metrics(attempts: 3, upgrades: 0), shard: "1/2")
        empty.errorReason = "no connection upgraded (3 attempted)"
        empty.verdict = .error
        var stopped = Results.result(metrics: Self.metrics(attempts: 3, upgrades: 3), shard: "0/2")
        stopped.abortedBy = "count(errors) > 5"
        stopped.verdict = .failed
        let merged = try RunResult.merging([stopped, empty], reevaluate: { _ in [] })
        #expect(merged.verdict == .error)
        #expect(merged.errorReason == "shard 1/2: no connection upgraded (3 attempted)")
        #expect(merged.abortedBy == "count(errors) > 5")
        let onlyStopped = try RunResult.merging([stopped], reevaluate: { _ in [] })
        #expect(onlyStopped.verdict == .failed)
        #expect(onlyStopped.abortedBy == "count(errors) > 5")
    }
}
