import Foundation
import LoadMetrics
import Reports
import RunResults
import Scenario
import Testing

/// The drain-and-reconnect data through every report path: console, JSON round trip, old reports, merge.
@Suite("Drain report")
struct DrainReportTests {
    @Test("The console summary has a drain section: reconnects with their times, closes, losses, targets")
    func consoleSection() throws {
        let text = ConsoleSummary(colors: false).render(DrainResult.make())
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "Drain"), "\(text)")
        #expect(
            Array(lines[start..<start + 5]) == [
                "Drain",
                "  Reconnects     6, time p50 240ms, p99 1.1s, max 1.1s",
                "  Closed by      close.1001 ×6 (a ×6)",
                "  Messages lost  3",
                "  Targets        start a 6 · end b 6",
            ],
            "\(text)"
        )
    }

    @Test("Without reconnects there is no drain section")
    func noConsoleSection() {
        #expect(!ConsoleSummary(colors: false).render(FixedResult.make()).contains("Drain"))
        #expect(!ConsoleSummary(colors: false).render(FixedResult.empty()).contains("Drain"))
    }

    @Test("report.json keeps every drain figure: it decodes back to the same result")
    func jsonRoundTrip() throws {
        let result = DrainResult.make()
        let json = try JSONReportWriter().render(result)
        let decoded = try RunResult.decode(Data(json.utf8), source: "report.json")
        #expect(decoded == result)
        #expect(decoded.metrics.errorsByTarget == ["a": ["close.1001": 6]])
        #expect(decoded.timeSeries.points.map(\.reconnects) == [0, 0, 0, 0, 0, 4, 2, 0, 0, 0])
        #expect(decoded.timeSeries.points[5].reconnectMax == 400_000)
        #expect(json.contains("\"errorsByTarget\""))
        #expect(json.contains("\"connectionsOpenByTarget\""))
        #expect(json.contains("\"reconnectTime\""))
    }

    @Test("A report written before the drain fields existed still decodes, with them empty")
    func oldReportDecodes() throws {
        let json = try JSONReportWriter().render(FixedResult.make())
        var object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var metrics = try #require(object["metrics"] as? [String: Any])
        var histograms = try #require(metrics["histograms"] as? [String: Any])
        var counters = try #require(metrics["counters"] as? [String: Any])
        #expect(histograms.removeValue(forKey: "reconnect") != nil)
        #expect(counters.removeValue(forKey: "reconnects") != nil)
        metrics["histograms"] = histograms
        metrics["counters"] = counters
        object["metrics"] = metrics
        let points = try #require(object["timeSeries"] as? [[String: Any]])
        object["timeSeries"] = points.map { point in
            point.filter { $0.key != "messagesLost" && $0.key != "reconnects" }
        }
        let old = try JSONSerialization.data(withJSONObject: object)
        let decoded = try RunResult.decode(old, source: "old-report.json")
        #expect(decoded.metrics[.reconnects] == 0)
        #expect(decoded.metrics[.reconnect].isEmpty)
        #expect(decoded.metrics.errorsByTarget.isEmpty)
        #expect(decoded.timeSeries.points.allSatisfy { $0.reconnects == 0 && $0.messagesLost == 0 })
        #expect(decoded.metrics == FixedResult.make().metrics)
    }

    @Test("Shards of a drain run merge exactly, and the target-labelled threshold is re-evaluated on the merge")
    func merge() throws {
        let text = "count(errors{code=\"close.1001\", target=\"a\"}) == 12"
        let threshold = Threshold(source: text, expression: try ThresholdExpression.parse(text))
        var first = DrainResult.make().evaluating([threshold])
        first.shard = "1/2"
        var second = DrainResult.make().evaluating([threshold])
        second.shard = "2/2"
        #expect(first.thresholds.first?.passed == false)
        let merged = try RunResult.merging([first, second])
        #expect(merged.thresholds.first?.passed == true)
        #expect(merged.thresholds.first?.observed == 12)
        #expect(merged.metrics[.reconnects] == 12)
        #expect(
            merged.metrics[.reconnect]
                == DrainResult.make().metrics[.reconnect].merged(with: DrainResult.make().metrics[.reconnect])
        )
        #expect(merged.metrics.errorsByTarget == ["a": ["close.1001": 12]])
        #expect(merged.timeSeries.points[0].connectionsOpenByTarget == ["a": 12])
        #expect(merged.timeSeries.points[9].connectionsOpenByTarget == ["b": 12])
        #expect(merged.timeSeries.points[5].reconnects == 8)
        #expect(merged.timeSeries.points[5].messagesLost == 6)
        #expect(merged.timeSeries.points[6].reconnectTime.count == 4)
    }

    @Test("Reconnect time spans the whole run, and a second with reconnects between quiet ones is a dot")
    func isolatedReconnectSecond() throws {
        var result = DrainResult.make()
        var series = TimeSeries()
        for second in 0..<10 {
            var interval = MetricsSnapshot()
            if second == 3 {
                interval.record(.reconnect, 250_000)
                interval.add(1, to: .reconnects)
            }
            series.append(interval, atSecond: 1_000 + Int64(second))
        }
        result.timeSeries = series
        let html = try HTMLReportWriter().render(result)
        let start = try #require(html.range(of: "<svg id=\"chart-reconnect-time\""))
        let end = try #require(html[start.upperBound...].range(of: "</svg>"))
        let chart = html[start.lowerBound..<end.upperBound]
        #expect(chart.contains("<circle"), "a lone second is drawn as a dot")
        #expect(chart.contains(">9s<") || chart.contains(">8s<"), "the axis spans the run, not one second")
    }
}
