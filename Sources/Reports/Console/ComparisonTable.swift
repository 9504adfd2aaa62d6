package import RunResults

/// The table `wsprobe compare` prints: one row per figure with baseline, current, change and limit.
package struct ComparisonTable: Sendable {
    /// Whether to colour `ok`/`REGRESSION` with ANSI escapes (terminals only).
    package var colors: Bool

    package init(colors: Bool) {
        self.colors = colors
    }

    /// The table, the notes and a closing verdict line, ending with a newline.
    package func render(_ comparison: Comparison) -> String {
        var table = TextTable(alignments: [.left, .right, .right, .right, .left, .left])
        table.add(["Figure", "Baseline", "Current", "Change", "Limit", "Result"])
        for row in comparison.rows {
            table.add([
                row.metric.description, Self.value(row.baseline, of: row.metric),
                Self.value(row.current, of: row.metric),
                row.changePercent.map { Self.change($0, of: row.metric) } ?? "n/a",
                row.limit.map { Self.change($0.percent, of: row.metric) } ?? "-",
                row.limit == nil ? "info" : row.passed ? "ok" : "REGRESSION",
            ])
        }
        var lines = table.lines(indent: 0).map { line -> String in
            guard self.colors else { return line }
            if line.hasSuffix("REGRESSION") { return String(line.dropLast(10)) + "\u{1B}[1;31mREGRESSION\u{1B}[0m" }
            if line.hasSuffix(" ok") { return String(line.dropLast(2)) + "\u{1B}[32mok\u{1B}[0m" }
            return line
        }
        lines += comparison.notes.map { "note: \($0)" }
        let failed = comparison.rows.filter { !$0.passed }.count
        lines.append(failed == 0 ? "No regression." : "\(failed) regression(s) beyond the limit.")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func value(_ value: Double?, of metric: ComparedMetric) -> String {
        guard let value else { return "no data" }
        switch metric {
        case .latency: return ReportFormat.duration(micros: value)
        case .errorRate: return ReportFormat.percent(fraction: value)
        case .throughput: return ReportFormat.compact(value) + "/s"
        }
    }

    private static func change(_ percent: Double, of metric: ComparedMetric) -> String {
        if case .errorRate = metric {
            return (percent > 0 ? "+" : "") + percent.formatted(maximumFractionDigits: 3) + " pp"
        }
        return ReportFormat.change(percent: percent)
    }
}
