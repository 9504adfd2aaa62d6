/// The outcome of one threshold such as `p99(message_rtt) < 50ms`.
///
/// The threshold is kept as its expression text, so a report never needs the scenario parser to be
/// read; `wsprobe merge` re-evaluates thresholds from their text against the merged metrics once the
/// scenario's threshold syntax is wired in.
package struct ThresholdOutcome: Sendable, Hashable, Codable {
    /// The expression as written in the scenario (`p99(message_rtt) < 50ms`); unique within a result.
    package var expression: String
    /// The observed value in the limit's canonical unit (seconds, fraction, per second, bytes or a
    /// plain number); `nil` when the metric had no data.
    package var observed: Double?
    /// The observed value as a person reads it (`43.2ms`, `0.12%`, `no data`).
    package var observedText: String
    /// The limit as written, operator included (`< 50ms`).
    package var limit: String
    /// Whether the observed value satisfied the limit.
    package var passed: Bool
    /// Whether a failure of this threshold stops the run early.
    package var abortOnFail: Bool

    package init(
        expression: String,
        observed: Double?,
        observedText: String,
        limit: String,
        passed: Bool,
        abortOnFail: Bool = false
    ) {
        self.expression = expression
        self.observed = observed
        self.observedText = observedText
        self.limit = limit
        self.passed = passed
        self.abortOnFail = abortOnFail
    }
}
