import Scenario
import Testing

@Suite("Threshold expressions")
struct ThresholdTests {
    @Test("A percentile threshold parses into aggregate, metric and a duration comparison")
    func percentile() throws {
        let expression = try ThresholdExpression.parse("p99(message_rtt) < 50ms")
        #expect(expression.aggregate == .percentile(99))
        #expect(expression.metric == .messageRTT)
        #expect(expression.filters.isEmpty)
        #expect(expression.comparison == Comparison(.lessThan, .duration(.milliseconds(50))))
        #expect(expression.description == "p99(message_rtt) < 50ms")
    }

    @Test(
        "Every documented form parses",
        arguments: [
            ("p50(connect_total) <= 200ms", "p50(connect_total) <= 200ms"),
            ("p99.9(message_rtt)<1s", "p99.9(message_rtt) < 1s"),
            ("max(ping_rtt) < 100ms", "max(ping_rtt) < 100ms"),
            ("min(tcp_connect) >= 0s", "min(tcp_connect) >= 0s"),
            ("mean(ws_upgrade) < 20ms", "mean(ws_upgrade) < 20ms"),
            ("avg(dns) < 20ms", "mean(dns) < 20ms"),
            ("rate(upgrade_ok) >= 99.9%", "rate(upgrade_ok) >= 99.9%"),
            ("count(errors{code=\"tls.*\"}) == 0", "count(errors{code=\"tls.*\"}) == 0"),
            ("count(messages_lost) == 0", "count(messages_lost) == 0"),
            ("throughput(messages_received) > 1000/s", "throughput(messages_received) > 1000/s"),
            ("count(bytes_received) > 1MiB", "count(bytes_received) > 1MiB"),
            ("count(message_rtt) > 100", "count(message_rtt) > 100"),
            (
                "  count( errors { code != \"x\" , target = \"a\" } )  !=  3 ",
                "count(errors{code!=\"x\",target=\"a\"}) != 3"
            ),
            ("p100(first_message) < 2s", "p100(first_message) < 2s"),
        ]
    )
    func forms(text: String, normalised: String) throws {
        #expect(try ThresholdExpression.parse(text).description == normalised)
    }

    @Test(
        "Each error has its code and the offset where it starts",
        arguments: [
            ("", "scenario.threshold.syntax", 0, "expected an aggregate"),
            ("p99 message_rtt) < 1s", "scenario.threshold.syntax", 4, "expected '('"),
            ("p99() < 1s", "scenario.threshold.syntax", 4, "expected a metric"),
            ("p99(message_rtt < 1s", "scenario.threshold.syntax", 16, "expected ')'"),
            ("p99(message_rtt) 1s", "scenario.threshold.syntax", 17, "expected an operator"),
            ("p99(message_rtt) =< 1s", "scenario.threshold.syntax", 17, "expected an operator"),
            ("p99(message_rtt) <", "scenario.threshold.syntax", 18, "expected a value"),
            ("p99(message_rtt) < 1s extra", "scenario.threshold.syntax", 22, "unexpected text"),
            ("p99(message_rtt) < 1 sec", "scenario.threshold.syntax", 21, "unexpected text"),
            ("p99(message_rtt) < 10", "scenario.threshold.unit", 19, "duration"),
            ("p99(message_rtt) < 5parsecs", "scenario.threshold.syntax", 19, "bad value"),
            ("count(errors{code=tls}) == 0", "scenario.threshold.syntax", 18, "to start the label value"),
            ("count(errors{code=\"tls) == 0", "scenario.threshold.syntax", 28, "to end the label value"),
            ("count(errors{code=\"tls\") == 0", "scenario.threshold.syntax", 23, "to close the label filters"),
            ("count(errors{}) == 0", "scenario.threshold.syntax", 13, "expected a label name"),
            ("count(errors{phase=\"x\"}) == 0", "scenario.threshold.label", 13, "has no label 'phase'"),
            ("count(messages_lost{code=\"x\"}) == 0", "scenario.threshold.label", 20, "has no label 'code'"),
            ("p99(mesage_rtt) < 50ms", "scenario.threshold.metric", 4, "did you mean 'message_rtt'"),
            ("p99(latency) < 50ms", "scenario.threshold.metric", 4, "unknown metric 'latency'"),
            ("p0(message_rtt) < 1s", "scenario.threshold.aggregate", 0, "outside"),
            ("p999(message_rtt) < 1s", "scenario.threshold.aggregate", 0, "did you mean 'p99.9'"),
            ("p100.1(message_rtt) < 1s", "scenario.threshold.aggregate", 0, "outside"),
            ("median(message_rtt) < 1s", "scenario.threshold.aggregate", 0, "unknown aggregate"),
            ("p99(upgrade_ok) < 1s", "scenario.threshold.aggregate", 0, "is a counter"),
            ("rate(message_rtt) < 1%", "scenario.threshold.aggregate", 0, "is a latency"),
            ("rate(bytes_sent) < 1%", "scenario.threshold.aggregate", 0, "no denominator"),
            ("rate(upgrade_ok) >= 99.9", "scenario.threshold.unit", 20, "percentage"),
            ("throughput(messages_received) > 1000", "scenario.threshold.unit", 32, "rate such as"),
            ("count(errors) == 1MiB", "scenario.threshold.unit", 17, "plain number"),
            ("count(errors) == 5%", "scenario.threshold.unit", 17, "plain number"),
        ] as [(String, String, Int, String)]
    )
    func errors(text: String, code: String, offset: Int, fragment: String) {
        #expect {
            try ThresholdExpression.parse(text)
        } throws: { error in
            guard let error = error as? ThresholdError else { return false }
            return error.code.rawValue == code && error.offset == offset && error.message.contains(fragment)
        }
    }

    @Test(
        "Comparisons evaluate observed values in canonical units",
        arguments: [
            ("p99(message_rtt) < 50ms", 0.049, true), ("p99(message_rtt) < 50ms", 0.05, false),
            ("p99(message_rtt) <= 50ms", 0.05, true), ("rate(upgrade_ok) >= 99.9%", 0.999, true),
            ("rate(upgrade_ok) >= 99.9%", 0.9989, false), ("count(errors) == 0", 0, true),
            ("count(errors) == 0", 1, false), ("count(errors) != 0", 1, true),
            ("throughput(messages_received) > 1000/s", 1000, false),
            ("throughput(messages_received) > 60000/m", 1001, true),
            ("count(bytes_sent) >= 1KiB", 1024, true), ("max(ping_rtt) > 1m", 61, true),
        ] as [(String, Double, Bool)]
    )
    func evaluate(text: String, observed: Double, passes: Bool) throws {
        #expect(try ThresholdExpression.parse(text).comparison.evaluate(observed: observed) == passes)
    }

    @Test("Label filters match globs and their negation")
    func globs() {
        let tls = LabelFilter(label: "code", pattern: "tls.*")
        #expect(tls.matches("tls.hostname-mismatch"))
        #expect(tls.matches("tls."))
        #expect(!tls.matches("handshake.tls"))
        #expect(LabelFilter(label: "code", pattern: "*.timeout").matches("connect.timeout"))
        #expect(LabelFilter(label: "code", pattern: "a?c").matches("abc"))
        #expect(!LabelFilter(label: "code", pattern: "a?c").matches("abbc"))
        #expect(LabelFilter(label: "code", pattern: "*a*b*").matches("xxaxxbxx"))
        #expect(!LabelFilter(label: "code", pattern: "tls.*", negated: true).matches("tls.x"))
        #expect(LabelFilter(label: "code", pattern: "tls.*", negated: true).matches("dns.x"))
    }

    @Test("The metric catalogue separates latencies from counters")
    func catalogue() {
        let latencies = Metric.allCases.filter { $0.kind == .latency }.map(\.rawValue)
        #expect(
            latencies == [
                "dns", "tcp_connect", "tls_handshake", "ws_upgrade", "connect_total", "first_message", "message_rtt",
                "ping_rtt", "close_handshake", "reconnect",
            ]
        )
        #expect(Metric.allCases.count == 20)
        #expect(Metric.reconnects.kind == .counter)
        #expect(Metric.messagesLost.rateDenominator == .messagesSent)
        #expect(Metric.upgradeOK.rateDenominator == .connections)
    }
}
