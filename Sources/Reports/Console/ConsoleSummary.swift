import Foundation
import LoadMetrics
package import RunResults

/// The compact text summary printed at the end of `run` and by `wsprobe report --console` (for a probe's
/// result: the probe's own text, ``ProbeConsole``): the verdict, connection and message counts, latency percentiles of every histogram
/// with data, errors by code, a drain section when connections reconnected, thresholds and checks. The
/// same numbers as the other formats.
package struct ConsoleSummary: Sendable {
    /// Whether to colour PASS/FAIL and the verdict with ANSI escapes (only for a terminal: pass
    /// `isatty(STDOUT_FILENO) != 0` and honour `NO_COLOR`).
    package var colors: Bool

    package init(colors: Bool) {
        self.colors = colors
    }

    /// The summary, one line per `\n`, ending with a newline.
    package func render(_ result: RunResult) -> String {
        // A probe's findings are not load metrics: its summary is the text the probe command printed.
        if let text = ProbeConsole.text(result) { return text + "\n" }
        let metrics = result.metrics
        let environment = result.environment
        let seconds = environment.durationSeconds
        var lines: [String] = []
        var head = "wsprobe \(result.kind.rawValue)  \(result.scenarioName)  \(self.verdict(result.verdict))"
        if result.interrupted { head += "  " + self.paint("(interrupted: partial data)", code: "33") }
        lines.append(head)
        if let line = ReportFormat.nothingMeasuredLine(result) { lines.append(self.paint(line, code: "33")) }
        if let line = ReportFormat.abortedLine(result) { lines.append(self.paint(line, code: "31")) }
        lines.append(
            "started \(HTMLReportModel.iso(environment.startedAt)) · ran \(ReportFormat.duration(seconds: seconds))"
                + " · \(environment.hostname)" + (result.shard.map { " · shard \($0)" } ?? "")
        )
        lines.append("")

        var counts = TextTable(alignments: [.left, .left])
        let attempts = metrics[.connectionAttempts]
        let upgraded = metrics[.upgradesOK]
        counts.add([
            "Connections",
            "\(ReportFormat.count(attempts)) attempted, \(ReportFormat.count(upgraded)) upgraded"
                + (attempts > 0 ? " (\(ReportFormat.percent(fraction: Double(upgraded) / Double(attempts))))" : "")
                + ", \(ReportFormat.count(metrics[.upgradesFailed])) failed, \(ReportFormat.count(metrics.connectionsOpen)) open at end",
        ])
        let received = metrics[.messagesReceived]
        counts.add([
            "Messages",
            "\(ReportFormat.count(metrics[.messagesSent])) sent, \(ReportFormat.count(received)) received"
                + ", \(ReportFormat.count(metrics[.messagesLost])) lost"
                + (seconds > 0 ? ", \(ReportFormat.compact(Double(received) / seconds))/s received" : ""),
        ])
        counts.add([
            "Bytes",
            "\(ReportFormat.bytes(Double(metrics[.wireBytesSent]))) sent, "
                + "\(ReportFormat.bytes(Double(metrics[.wireBytesReceived]))) received on the wire",
        ])
        lines += counts.lines(indent: 0)

        var latency = TextTable(alignments: [.left, .right, .right, .right, .right, .right])
        latency.add(["Latency", "count", "p50", "p90", "p99", "max"])
        for metric in HistogramMetric.allCases {
            let histogram = metrics[metric]
            guard !histogram.isEmpty else { continue }
            let summary = histogram.summary
            latency.add([
                metric.name, ReportFormat.count(summary.count), ReportFormat.duration(micros: summary.p50),
                ReportFormat.duration(micros: summary.p90), ReportFormat.duration(micros: summary.p99),
                ReportFormat.duration(micros: summary.max),
            ])
        }
        lines.append("")
        lines += latency.rows.count > 1 ? latency.lines(indent: 0) : ["Latency  no data"]

        if !metrics.errors.isEmpty {
            var errors = TextTable(alignments: [.left, .right])
            errors.add(["Errors", "count"])
            for summary in result.errorSummaries { errors.add([summary.code, ReportFormat.count(summary.count)]) }
            lines.append("")
            lines += errors.lines(indent: 0)
        }
        lines += Self.drainLines(result)
        if !result.thresholds.isEmpty {
            var thresholds = TextTable(alignments: [.left, .left, .left, .left])
            for threshold in result.thresholds {
                thresholds.add([
                    threshold.passed ? "PASS" : "FAIL", threshold.expression, "observed \(threshold.observedText)",
                    "limit \(threshold.limit)",
                ])
            }
            lines.append("")
            lines.append("Thresholds")
            lines += self.colorStatus(thresholds.lines(indent: 2))
        }
        if !result.checks.isEmpty {
            var checks = TextTable(alignments: [.left, .left, .left])
            for check in result.checks { checks.add([check.passed ? "PASS" : "FAIL", check.name, check.message]) }
            lines.append("")
            lines.append("Checks")
            lines += self.colorStatus(checks.lines(indent: 2))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func verdict(_ verdict: Verdict) -> String {
        let text = verdict.rawValue.uppercased()
        switch verdict {
        case .passed: return self.paint(text, code: "1;32")
        case .failed: return self.paint(text, code: "1;31")
        case .error: return self.paint(text, code: "1;33")
        }
    }

    /// Colours the leading PASS/FAIL of each table line (after padding, so columns stay aligned).
    private func colorStatus(_ lines: [String]) -> [String] {
        guard self.colors else { return lines }
        return lines.map { line in
            if let range = line.range(of: "PASS") {
                return line.replacingCharacters(in: range, with: self.paint("PASS", code: "32"))
            }
            if let range = line.range(of: "FAIL") {
                return line.replacingCharacters(in: range, with: self.paint("FAIL", code: "31"))
            }
            return line
        }
    }

    private func paint(_ text: String, code: String) -> String {
        self.colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
