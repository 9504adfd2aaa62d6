import LoadMetrics
import RunResults
import Testing

@Suite("Comparing against a baseline")
struct ComparisonTests {
    static func result(rtt: [UInt64], errors: UInt64 = 0, attempts: UInt64 = 1000, received: UInt64 = 10_000)
        -> RunResult
    {
        var metrics = MetricsSnapshot()
        for value in rtt { metrics.record(.messageRTT, value) }
        metrics.add(attempts, to: .connectionAttempts)
        if errors > 0 { metrics.addError(code: "ws.timeout", count: errors) }
        metrics.add(received, to: .messagesReceived)
        return Results.result(metrics: metrics)
    }

    static let baseline = result(rtt: Array(repeating: 1000, count: 99) + [10_000])

    @Test(
        "Specs parse into a figure and a signed percentage",
        arguments: [
            ("p99=10%", "p99(message_rtt)", 10.0), ("p50 = 5%", "p50(message_rtt)", 5.0),
            ("p99.9(connect_total)=+20%", "p99.9(connect_total)", 20.0), ("max=50%", "max(message_rtt)", 50.0),
            ("mean(ws_upgrade)=15%", "mean(ws_upgrade)", 15.0), ("error_rate=0.1%", "error_rate", 0.1),
            ("throughput=-5%", "throughput(messages_received)", -5.0),
            ("throughput(upgrades_ok)=-10%", "throughput(upgrades_ok)", -10.0),
        ]
    )
    func parse(_ spec: (String, String, Double)) throws {
        let limit = try RegressionLimit.parse(spec.0)
        #expect(limit.metric.description == spec.1)
        #expect(limit.percent == spec.2)
    }

    @Test(
        "Malformed specs fail with a stable code",
        arguments: [
            ("p99", "compare.invalid-spec"), ("p99=10", "compare.invalid-limit"), ("p99=ten%", "compare.invalid-limit"),
            ("p101=10%", "compare.unknown-metric"), ("latency=10%", "compare.unknown-metric"),
            ("p99(nope)=10%", "compare.unknown-metric"), ("throughput(nope)=-5%", "compare.unknown-metric"),
            ("error_rate(x)=1%", "compare.unknown-metric"),
        ]
    )
    func parseErrors(_ spec: (String, String)) {
        do {
            _ = try RegressionLimit.parse(spec.0)
            Issue.record("\(spec.0) parsed")
        } catch {
            #expect(error.code == spec.1)
        }
    }

    @Test("A comma-separated list parses every spec")
    func list() throws {
        #expect(
            try RegressionLimit.parseList("p99=10%, error_rate=0.1%").map(\.source) == ["p99=10%", "error_rate=0.1%"]
        )
    }

    @Test("Latency within the limit passes, beyond it fails")
    func latency() throws {
        let slower = Self.result(rtt: Array(repeating: 1050, count: 99) + [10_000])
        let much = Self.result(rtt: Array(repeating: 1300, count: 99) + [10_000])
        let limit = try RegressionLimit.parse("p50=10%")
        let ok = Comparison(baseline: Self.baseline, current: slower, maxRegressions: [limit])
        #expect(ok.passed)
        let row = try #require(ok.rows.first)
        #expect(row.baseline == 1000 && row.current == 1050)
        #expect(row.changePercent == 5)
        #expect(!Comparison(baseline: Self.baseline, current: much, maxRegressions: [limit]).passed)
        // Getting faster never fails a latency limit.
        let faster = Self.result(rtt: Array(repeating: 500, count: 100))
        #expect(Comparison(baseline: Self.baseline, current: faster, maxRegressions: [limit]).passed)
    }

    @Test("Error rate limits are in percentage points")
    func errorRate() throws {
        let limit = try RegressionLimit.parse("error_rate=0.1%")
        let slightly = Self.result(rtt: [1000], errors: 1)  // 0.1 % of 1000
        let clearly = Self.result(rtt: [1000], errors: 3)  // 0.3 %
        #expect(Comparison(baseline: Self.baseline, current: slightly, maxRegressions: [limit]).passed)
        let failed = Comparison(baseline: Self.baseline, current: clearly, maxRegressions: [limit])
        #expect(!failed.passed)
        #expect(abs((failed.rows.first?.changePercent ?? 0) - 0.3) < 1e-9)
    }

    @Test("A negative throughput limit bounds a drop")
    func throughput() throws {
        let limit = try RegressionLimit.parse("throughput=-5%")
        let drop4 = Self.result(rtt: [1000], received: 9_600)
        let drop6 = Self.result(rtt: [1000], received: 9_400)
        let rise = Self.result(rtt: [1000], received: 20_000)
        #expect(Comparison(baseline: Self.baseline, current: drop4, maxRegressions: [limit]).passed)
        #expect(!Comparison(baseline: Self.baseline, current: drop6, maxRegressions: [limit]).passed)
        #expect(Comparison(baseline: Self.baseline, current: rise, maxRegressions: [limit]).passed)
    }

    @Test("Missing current data fails a limited row; a zero baseline fails only on a move in the limited direction")
    func edges() throws {
        let limit = try RegressionLimit.parse("p99=10%")
        let empty = Self.result(rtt: [])
        #expect(!Comparison(baseline: Self.baseline, current: empty, maxRegressions: [limit]).passed)
        #expect(Comparison(baseline: empty, current: empty, maxRegressions: [limit]).passed)
        let errorLimit = try RegressionLimit.parse("throughput=-5%")
        let none = Self.result(rtt: [], received: 0)
        let some = Self.result(rtt: [], received: 10)
        #expect(Comparison(baseline: none, current: some, maxRegressions: [errorLimit]).passed)
        #expect(Comparison(baseline: none, current: none, maxRegressions: [errorLimit]).rows.first?.changePercent == 0)
    }

    @Test("Without limits the default figures are shown and always pass")
    func defaults() {
        let comparison = Comparison(baseline: Self.baseline, current: Self.result(rtt: [99_000]), maxRegressions: [])
        #expect(comparison.rows.count == Comparison.defaultFigures.count)
        #expect(comparison.passed)
        #expect(comparison.rows.allSatisfy { $0.limit == nil })
    }
}
