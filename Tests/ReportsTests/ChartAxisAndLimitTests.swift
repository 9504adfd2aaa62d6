import Foundation
import LoadMetrics
import Reports
import RunResults
import Testing

/// The charts' y axes and the threshold limits drawn on them.
@Suite("HTML charts: axes and threshold limits")
struct ChartAxisAndLimitTests {
    /// The `<svg id="ID" …>…</svg>` element of `html`.
    static func svg(_ id: String, in html: String) throws -> String {
        let start = try #require(html.range(of: "<svg id=\"\(id)\""), "no chart \(id)")
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The y-axis tick labels of a chart (right-aligned `tick` texts).
    static func yTicks(_ svg: String) -> [String] { Self.ticks(svg, anchor: "end") }

    /// The x-axis tick labels of a chart (centred `tick` texts).
    static func xTicks(_ svg: String) -> [String] { Self.ticks(svg, anchor: "middle") }

    private static func ticks(_ svg: String, anchor: String) -> [String] {
        svg.components(separatedBy: "<text class=\"tick\"").dropFirst().compactMap { part in
            let tag = part.prefix { $0 != ">" }
            guard tag.contains("text-anchor=\"\(anchor)\""), let open = part.firstIndex(of: ">") else { return nil }
            return String(part[part.index(after: open)...].prefix { $0 != "<" })
        }
    }

    /// A three-second result whose time series has connections but no message at all (as a weights-only run).
    static func withoutMessages() -> RunResult {
        var result = FixedResult.make()
        var series = TimeSeries()
        for second in 0..<3 {
            var interval = MetricsSnapshot()
            interval.add(120, to: .upgradesOK)
            interval.setConnectionsOpen(UInt64(120 * second))
            series.append(interval, atSecond: Int64(FixedResult.start.timeIntervalSince1970) + Int64(second))
        }
        result.timeSeries = series
        result.thresholds = []
        return result
    }

    @Test("every line chart's axis labels are distinct, also for a short run and when every value is zero")
    func distinctTicks() throws {
        for result in [FixedResult.make(), Self.withoutMessages()] {
            let html = try HTMLReportWriter().render(result)
            for id in [
                "chart-latency-spectrum", "chart-messages-per-second", "chart-bytes-per-second", "chart-connections",
            ]
            where html.contains("<svg id=\"\(id)\"") {
                let svg = try Self.svg(id, in: html)
                for ticks in [Self.yTicks(svg), Self.xTicks(svg)] {
                    #expect(ticks.count >= 2, "\(id): \(ticks)")
                    #expect(Set(ticks).count == ticks.count, "\(id) repeats an axis label: \(ticks)")
                }
            }
        }
        let flat = try Self.svg("chart-messages-per-second", in: HTMLReportWriter().render(Self.withoutMessages()))
        #expect(Self.yTicks(flat) == ["0", "1"], "\(Self.yTicks(flat))")
        #expect(Self.xTicks(flat) == ["0s", "1s", "2s"], "\(Self.xTicks(flat))")
    }

    @Test("connections per target are counted in whole connections: one connection gives the axis 0 and 1")
    func wholeConnections() throws {
        var result = FixedResult.empty()
        result.metrics.addTargetIdentity("embedded")
        let svg = try Self.svg("chart-targets", in: HTMLReportWriter().render(result))
        let ticks = try Self.matches(#"<text class="tick"[^>]*>([^<]*)<"#, in: svg)
        #expect(ticks == ["0", "1"], "\(ticks)")
    }

    static func matches(_ pattern: String, in text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test("a latency threshold is drawn on the round-trip charts at its limit, coloured by its outcome")
    func latencyLimit() throws {
        let html = try HTMLReportWriter().render(FixedResult.make())
        for id in ["chart-latency-over-time", "chart-latency-spectrum"] {
            let svg = try Self.svg(id, in: html)
            #expect(svg.contains("<line class=\"limit pass\""), "\(id) has no limit line")
            #expect(svg.contains(">p99(message_rtt) &lt; 50ms</text>"), "\(id) does not name the threshold")
            // The axis reaches the limit: 50 ms is a tick or below the top tick.
            #expect(Self.yTicks(svg).contains { $0 == "50ms" || $0 == "60ms" }, "\(Self.yTicks(svg))")
        }
        // rate(errors) has no chart of its own: it is drawn nowhere.
        #expect(!html.contains(">rate(errors) &lt; 1%</text>"))
    }

    @Test("a failed throughput threshold is drawn on the messages chart in the failure colour")
    func throughputLimit() throws {
        var result = FixedResult.make()
        result.thresholds = [
            ThresholdOutcome(
                expression: "throughput(messages_received) > 500/s",
                observed: 199.9,
                observedText: "199.9/s",
                limit: "> 500/s",
                passed: false
            )
        ]
        let svg = try Self.svg("chart-messages-per-second", in: HTMLReportWriter().render(result))
        #expect(svg.contains("<line class=\"limit fail\""))
        #expect(svg.contains(">throughput(messages_received) &gt; 500/s</text>"))
        #expect(Self.yTicks(svg).contains("500"), "the axis reaches the limit: \(Self.yTicks(svg))")
    }

    @Test("set-up phase and reconnect thresholds are drawn on the phase bars and the reconnect-time chart")
    func phaseAndReconnectLimits() throws {
        let upgrade = ThresholdOutcome(
            expression: "p99(ws_upgrade) < 5ms",
            observed: 0.0015,
            observedText: "1.5ms",
            limit: "< 5ms",
            passed: true
        )
        let reconnectLimit = ThresholdOutcome(
            expression: "max(reconnect) < 1s",
            observed: 1.1,
            observedText: "1.1s",
            limit: "< 1s",
            passed: false
        )
        var fixed = FixedResult.make()
        fixed.thresholds = [upgrade]
        let phases = try Self.svg("chart-handshake-phases", in: HTMLReportWriter().render(fixed))
        #expect(phases.contains("<line class=\"limit pass\""), "\(phases)")
        #expect(phases.contains(">p99(ws_upgrade) &lt; 5ms</text>"))
        var drain = DrainResult.make()
        drain.thresholds = [reconnectLimit]
        let reconnect = try Self.svg("chart-reconnect-time", in: HTMLReportWriter().render(drain))
        #expect(reconnect.contains("<line class=\"limit fail\""))
        #expect(reconnect.contains(">max(reconnect) &lt; 1s</text>"))
    }
}
