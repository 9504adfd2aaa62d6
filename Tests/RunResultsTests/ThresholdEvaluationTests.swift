import LoadMetrics
import RunResults
import Scenario
import Testing

@Suite("Threshold evaluation")
struct ThresholdEvaluationTests {
    static func metrics() -> MetricsSnapshot {
        var metrics = MetricsSnapshot()
        for value in 1...100 { metrics.record(.messageRTT, UInt64(value) * 1000) }  // 1 ms … 100 ms
        metrics.add(200, to: .connectionAttempts)
        metrics.add(198, to: .upgradesOK)
        metrics.add(2, to: .upgradesFailed)
        metrics.addError(code: "tls.hostname-mismatch", count: 1)
        metrics.addError(code: "handshake.unexpected-status", count: 1)
        metrics.add(1000, to: .messagesSent)
        metrics.add(990, to: .messagesReceived)
        metrics.add(10, to: .messagesLost)
        metrics.add(4096, to: .payloadBytesSent)
        metrics.addTargetIdentity("pod-a", count: 120)
        metrics.addTargetIdentity("pod-b", count: 78)
        return metrics
    }

    static func outcome(_ text: String) throws -> ThresholdOutcome {
        let threshold = Threshold(source: text, expression: try ThresholdExpression.parse(text))
        return try #require(evaluate(thresholds: [threshold], against: Self.metrics(), durationSeconds: 10).first)
    }

    @Test(
        "Expressions evaluate against the metrics in canonical units",
        arguments: [
            ("p99(message_rtt) < 100ms", true, "99ms"), ("p50(message_rtt) <= 40ms", false, "50ms"),
            ("max(message_rtt) < 1s", true, "100ms"), ("min(message_rtt) >= 1ms", true, "1ms"),
            ("count(message_rtt) == 100", true, "100"), ("rate(upgrade_ok) >= 99%", true, "99%"),
            ("rate(upgrade_failed) < 0.5%", false, "1%"), ("rate(errors) < 2%", true, "1%"),
            ("count(errors{code=\"tls.*\"}) == 0", false, "1"), ("count(errors{code!=\"tls.*\"}) == 1", true, "1"),
            ("rate(messages_lost) < 2%", true, "1%"), ("throughput(messages_received) > 90/s", true, "99/s"),
            ("count(bytes_sent) >= 4KiB", true, "4 KiB"), ("count(upgrade_ok{target=\"pod-a\"}) >= 100", true, "120"),
            ("count(connections) == 200", true, "200"),
        ]
    )
    func evaluates(_ pair: (String, Bool, String)) throws {
        let outcome = try Self.outcome(pair.0)
        #expect(outcome.passed == pair.1, "\(pair.0): observed \(outcome.observedText)")
        #expect(outcome.observedText == pair.2)
        #expect(outcome.expression == pair.0)
    }

    @Test("Upgrade rates count finished attempts only, so handshakes in flight mid-run do not lower them")
    func upgradeRateIgnoresAttemptsInFlight() throws {
        var metrics = MetricsSnapshot()
        metrics.add(100, to: .connectionAttempts)
        metrics.add(60, to: .upgradesOK)
        let text = "rate(upgrade_ok) >= 99.9%"
        let threshold = Threshold(source: text, expression: try ThresholdExpression.parse(text))
        let outcome = try #require(evaluate(thresholds: [threshold], against: metrics, durationSeconds: 1).first)
        #expect(outcome.passed)
        #expect(outcome.observedText == "100%")

        metrics.add(1, to: .upgradesFailed)
        let failed = try #require(evaluate(thresholds: [threshold], against: metrics, durationSeconds: 1).first)
        #expect(!failed.passed)
    }

    @Test("No data fails the threshold instead of passing it silently")
    func noData() throws {
        let outcome = try Self.outcome("p99(ping_rtt) < 1s")
        #expect(!outcome.passed)
        #expect(outcome.observed == nil)
        #expect(outcome.observedText == "no data")
    }

    @Test("A label the result does not keep fails with a reason")
    func unsupportedLabel() throws {
        let outcome = try Self.outcome("p99(message_rtt{target=\"pod-a\"}) < 1s")
        #expect(!outcome.passed)
        #expect(outcome.observedText.contains("label not recorded"))
    }

    @Test("Evaluating a result sets its thresholds and verdict")
    func result() throws {
        let text = "rate(upgrade_failed) < 0.5%"
        let threshold = Threshold(source: text, expression: try ThresholdExpression.parse(text), abortOnFail: true)
        let evaluated = Results.result(metrics: Self.metrics()).evaluating([threshold])
        #expect(evaluated.verdict == .failed)
        #expect(evaluated.thresholds.first?.abortOnFail == true)
        #expect(evaluated.thresholds.first?.limit == "< 0.5%")
    }

    /// A drain: a's connections closed with 1001, one of b's with 1006, and a connect failure (no target).
    static func drainMetrics() -> MetricsSnapshot {
        var metrics = MetricsSnapshot()
        metrics.add(40, to: .connectionAttempts)
        metrics.addError(code: "close.1001", target: "a", count: 12)
        metrics.addError(code: "close.1006", target: "b", count: 1)
        metrics.addError(code: "expect.timeout", target: "a", count: 2)
        metrics.addError(code: "tcp.refused", count: 3)
        return metrics
    }

    @Test(
        "errors keep the target label: code and target filters combine, globs and negation included",
        arguments: [
            ("count(errors{code=\"close.1001\", target=\"a\"}) >= 1", true, "12"),
            ("count(errors{target=\"a\", code=\"close.1001\"}) == 12", true, "12"),
            ("count(errors{code=\"close.1001\", target=\"b\"}) >= 1", false, "0"),
            ("count(errors{target=\"a\"}) == 14", true, "14"),
            ("count(errors{target!=\"a\"}) == 1", true, "1"),
            ("count(errors{code=\"close.*\", target=\"*\"}) == 13", true, "13"),
            ("count(errors{code=\"close.*\"}) == 13", true, "13"),
            ("count(errors) == 18", true, "18"),
            ("count(errors{target=\"c\"}) == 0", true, "0"),
        ]
    )
    func errorsByTarget(_ pair: (String, Bool, String)) throws {
        let threshold = Threshold(source: pair.0, expression: try ThresholdExpression.parse(pair.0))
        let outcome = try #require(
            evaluate(thresholds: [threshold], against: Self.drainMetrics(), durationSeconds: 10).first
        )
        #expect(outcome.observed != nil, "\(pair.0): \(outcome.observedText)")
        #expect(outcome.passed == pair.1, "\(pair.0): observed \(outcome.observedText)")
        #expect(outcome.observedText == pair.2)
    }

    @Test("errors with a label other than code and target stay unavailable")
    func errorsOtherLabel() throws {
        let text = "count(errors{code=\"close.1001\", route=\"chat\"}) >= 1"
        let threshold = Threshold(source: text, expression: try ThresholdExpression.parse(text))
        let outcome = try #require(
            evaluate(thresholds: [threshold], against: Self.drainMetrics(), durationSeconds: 10).first
        )
        #expect(!outcome.passed)
        #expect(outcome.observedText.contains("label not recorded"))
    }

    @Test("the alb-drain scenario's third threshold evaluates against a result with errors by target")
    func albDrainThreshold() throws {
        let text = "count(errors{code=\"close.1001\", target=\"a\"}) >= 1"
        let threshold = Threshold(source: text, expression: try ThresholdExpression.parse(text))
        let evaluated = Results.result(metrics: Self.drainMetrics()).evaluating([threshold])
        #expect(evaluated.thresholds.first?.passed == true)
        #expect(evaluated.thresholds.first?.observed == 12)
    }
}
