import LoadMetrics

/// A baseline result against a current one, figure by figure: what `wsprobe compare` prints and
/// gates a CI job on.
package struct Comparison: Sendable {
    /// One row per limit, in the order given (or the default figures when no limit was given).
    package var rows: [ComparisonRow]
    /// Things a person should know that do not fail the comparison (different scenarios, an
    /// interrupted input).
    package var notes: [String]

    /// The figures shown when no limit is given: informational rows that always pass.
    package static let defaultFigures: [ComparedMetric] = [
        .latency(.percentile(50), .messageRTT), .latency(.percentile(99), .messageRTT),
        .latency(.max, .messageRTT), .latency(.percentile(99), .connectTotal), .errorRate,
        .throughput(.messagesReceived),
    ]

    /// Compares `current` with `baseline`.
    ///
    /// A row fails when its change goes beyond its limit in the limit's direction (a positive limit
    /// bounds an increase, a negative one a decrease), or when the baseline had data and the current
    /// result has none. With a zero baseline the relative change is undefined: the row then fails only
    /// if the current value moved in the limited direction.
    package init(baseline: RunResult, current: RunResult, maxRegressions: [RegressionLimit]) {
        let figures: [(ComparedMetric, RegressionLimit?)] =
            maxRegressions.isEmpty
            ? Self.defaultFigures.map { ($0, nil) } : maxRegressions.map { ($0.metric, $0) }
        self.rows = figures.map { Self.row($0.0, limit: $0.1, baseline: baseline, current: current) }
        var notes: [String] = []
        if baseline.scenarioName != current.scenarioName {
            notes.append(
                "The baseline is of scenario '\(baseline.scenarioName)', the current result of "
                    + "'\(current.scenarioName)'."
            )
        }
        if baseline.interrupted { notes.append("The baseline run was interrupted; its figures are partial.") }
        if current.interrupted { notes.append("The current run was interrupted; its figures are partial.") }
        self.notes = notes
    }

    /// `true` when every row passed.
    package var passed: Bool { self.rows.allSatisfy(\.passed) }

    private static func row(
        _ metric: ComparedMetric,
        limit: RegressionLimit?,
        baseline: RunResult,
        current: RunResult
    ) -> ComparisonRow {
        let old = metric.value(in: baseline)
        let new = metric.value(in: current)
        var change: Double?
        if let old, let new {
            if case .errorRate = metric {
                change = (new - old) * 100
            } else if old != 0 {
                change = (new - old) / old * 100
            } else if new == 0 {
                change = 0
            }
        }
        var passed = true
        if let limit {
            if let change {
                passed = limit.percent >= 0 ? change <= limit.percent : change >= limit.percent
            } else if let old, let new {
                // Zero baseline: any move in the limited direction is a regression.
                passed = limit.percent >= 0 ? new <= old : new >= old
            } else {
                passed = old == nil
            }
        }
        return ComparisonRow(
            metric: metric,
            baseline: old,
            current: new,
            changePercent: change,
            limit: limit,
            passed: passed
        )
    }
}
