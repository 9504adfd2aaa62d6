import LoadMetrics
import LoadRunner
import Scenario
import Testing

/// Threshold verdicts against a merged snapshot.
struct ThresholdEvaluatorTests {
    static func snapshot() -> MetricsSnapshot {
        var recorder = MetricsRecorder()
        for value in 1...100 { recorder.record(.messageRTT, microseconds: UInt64(value) * 1000) }
        recorder.increment(.connectionAttempts, by: 1000)
        recorder.increment(.upgradesOK, by: 999)
        recorder.increment(.messagesSent, by: 500)
        recorder.increment(.messagesReceived, by: 490)
        recorder.increment(.messagesLost, by: 10)
        recorder.recordError(code: "tls.handshake-failed")
        recorder.recordError(code: "tcp.refused")
        recorder.recordError(code: "tcp.refused")
        return recorder.snapshot().total
    }

    @Test(
        "each aggregate is computed from the snapshot and compared",
        arguments: [
            ("p99(message_rtt) < 100ms", true),
            ("p50(message_rtt) <= 49ms", false),
            ("max(message_rtt) >= 100ms", true),
            ("rate(upgrade_ok) >= 99.9%", true),
            ("rate(upgrade_ok) > 99.9%", false),
            ("rate(messages_lost) < 1%", false),
            ("count(errors{code=\"tcp.*\"}) == 2", true),
            ("count(errors{code=\"tls.*\"}) == 0", false),
            ("count(errors) == 3", true),
            ("throughput(messages_received) >= 49/s", true),
        ]
    )
    func verdicts(text: String, passes: Bool) throws {
        let expression = try ThresholdExpression.parse(text)
        let outcome = ThresholdEvaluator.evaluate(
            Threshold(source: text, expression: expression),
            against: Self.snapshot(),
            elapsedSeconds: 10
        )
        #expect(outcome.passed == passes, "observed \(String(describing: outcome.observed))")
    }

    @Test("a latency without samples passes with a note, and a rate without a denominator too")
    func noSamples() throws {
        let empty = MetricsSnapshot()
        for text in ["p99(ping_rtt) < 1ms", "rate(messages_lost) < 1%"] {
            let outcome = ThresholdEvaluator.evaluate(
                Threshold(source: text, expression: try ThresholdExpression.parse(text)),
                against: empty,
                elapsedSeconds: 1
            )
            #expect(outcome.passed)
            #expect(outcome.observed == nil)
            #expect(outcome.note == "no samples")
        }
    }
}
