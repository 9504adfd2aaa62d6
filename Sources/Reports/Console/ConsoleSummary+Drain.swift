import LoadMetrics
import RunResults

extension ConsoleSummary {
    /// The drain section, when connections ended by the server or the network reconnected: how many, how
    /// long it took, what was lost, and which targets held the connections at the start and at the end.
    ///
    /// ```
    /// Drain
    ///   Reconnects     30, time p50 182ms, p99 1.02s, max 1.1s
    ///   Closed by      close.1001 ×30 (a ×30)
    ///   Messages lost  0
    ///   Targets        start a 30 · end b 30
    /// ```
    static func drainLines(_ result: RunResult) -> [String] {
        let metrics = result.metrics
        let reconnects = metrics[.reconnects]
        guard reconnects > 0 else { return [] }
        var table = TextTable(alignments: [.left, .left])
        let time = metrics[.reconnect]
        var timing = ReportFormat.count(reconnects)
        if !time.isEmpty {
            timing +=
                ", time p50 \(ReportFormat.duration(micros: time.value(atPercentile: 50)))"
                + ", p99 \(ReportFormat.duration(micros: time.value(atPercentile: 99)))"
                + ", max \(ReportFormat.duration(micros: time.max))"
        }
        table.add(["Reconnects", timing])
        let closes = metrics.errors.filter { $0.key.hasPrefix("close.") }.sorted {
            ($0.value, $1.key) > ($1.value, $0.key)
        }
        if !closes.isEmpty {
            table.add([
                "Closed by",
                closes.map { code, count in
                    let targets = metrics.errorsByTarget.compactMap { target, codes in
                        codes[code].map { (target, $0) }
                    }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
                    let byTarget = targets.map { "\($0.0) ×\(ReportFormat.count($0.1))" }.joined(separator: ", ")
                    return "\(code) ×\(ReportFormat.count(count))" + (byTarget.isEmpty ? "" : " (\(byTarget))")
                }.joined(separator: ", "),
            ])
        }
        table.add(["Messages lost", ReportFormat.count(metrics[.messagesLost])])
        let identified = result.timeSeries.points.filter { !$0.connectionsOpenByTarget.isEmpty }
        if let first = identified.first, let last = identified.last {
            table.add(["Targets", "start \(Self.targets(first)) · end \(Self.targets(last))"])
        }
        return ["", "Drain"] + table.lines(indent: 2)
    }

    /// `a 30, b 2`: open connections by target, most first (ties by name).
    private static func targets(_ point: TimeSeriesPoint) -> String {
        point.connectionsOpenByTarget.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { "\($0.key) \(ReportFormat.count($0.value))" }.joined(separator: ", ")
    }
}
