import LoadMetrics
import RunResults

extension HTMLReportModel {
    /// The key figures at the top of the page.
    static func makeKeyNumbers(_ result: RunResult) -> [KeyNumber] {
        let metrics = result.metrics
        let seconds = result.environment.durationSeconds
        let attempts = metrics[.connectionAttempts]
        let upgraded = metrics[.upgradesOK]
        let rtt = metrics[.messageRTT]
        let connect = metrics[.connectTotal]
        var numbers = [
            KeyNumber(
                label: "Connections",
                value: ReportFormat.count(upgraded),
                detail: "upgraded of \(ReportFormat.count(attempts)) attempted"
                    + (attempts > 0
                        ? " (" + ReportFormat.percent(fraction: Double(upgraded) / Double(attempts)) + ")" : "")
            ),
            KeyNumber(
                label: "Errors",
                value: ReportFormat.count(metrics.errorCount),
                detail: metrics.errors.isEmpty ? "none" : "\(metrics.errors.count) distinct code(s)"
            ),
            KeyNumber(
                label: "Messages",
                value: ReportFormat.count(metrics[.messagesReceived]),
                detail: "received of \(ReportFormat.count(metrics[.messagesSent])) sent"
                    + (seconds > 0
                        ? ", " + ReportFormat.compact(Double(metrics[.messagesReceived]) / seconds) + "/s" : "")
            ),
        ]
        numbers.append(
            KeyNumber(
                label: "Round trip p99",
                value: rtt.isEmpty ? "no data" : ReportFormat.duration(micros: rtt.value(atPercentile: 99)),
                detail: rtt.isEmpty
                    ? "no echo returned"
                    : "p50 \(ReportFormat.duration(micros: rtt.value(atPercentile: 50))), max \(ReportFormat.duration(micros: rtt.max))"
            )
        )
        numbers.append(
            KeyNumber(
                label: "Connect p99",
                value: connect.isEmpty ? "no data" : ReportFormat.duration(micros: connect.value(atPercentile: 99)),
                detail: connect.isEmpty
                    ? "no connection completed"
                    : "p50 \(ReportFormat.duration(micros: connect.value(atPercentile: 50)))"
            )
        )
        let failedThresholds = result.thresholds.filter { !$0.passed }.count
        let failedChecks = result.checks.filter { !$0.passed }.count
        numbers.append(
            KeyNumber(
                label: "Checks & thresholds",
                value: "\(result.checks.count + result.thresholds.count - failedChecks - failedThresholds) / "
                    + "\(result.checks.count + result.thresholds.count)",
                detail: failedChecks + failedThresholds == 0
                    ? "all passed" : "\(failedChecks + failedThresholds) failed"
            )
        )
        return numbers
    }
}
