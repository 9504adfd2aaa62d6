/// One line of a comparison: a figure in the baseline and in the current result, and the verdict.
package struct ComparisonRow: Sendable, Hashable {
    /// The figure (`p99(message_rtt)`).
    package var metric: ComparedMetric
    /// The baseline's value (µs, fraction or per second), `nil` without data.
    package var baseline: Double?
    /// The current value, `nil` without data.
    package var current: Double?
    /// The change in percent (relative; percentage points for `error_rate`), `nil` when undefined
    /// (no data, or a zero baseline).
    package var changePercent: Double?
    /// The limit applied, `nil` for an informational row.
    package var limit: RegressionLimit?
    /// Whether the change is within the limit (always `true` without a limit).
    package var passed: Bool

    package init(
        metric: ComparedMetric,
        baseline: Double?,
        current: Double?,
        changePercent: Double?,
        limit: RegressionLimit?,
        passed: Bool
    ) {
        self.metric = metric
        self.baseline = baseline
        self.current = current
        self.changePercent = changePercent
        self.limit = limit
        self.passed = passed
    }
}
