/// A pass/fail rule over the run's metrics, e.g. `p99(message_rtt) < 50ms`.
package struct Threshold: Sendable, Hashable, CustomStringConvertible {
    /// The expression as written, used as the check's name in reports.
    package var source: String
    package var expression: ThresholdExpression
    /// Stop the run as soon as this threshold fails (evaluated on each interval snapshot).
    package var abortOnFail: Bool

    package init(source: String, expression: ThresholdExpression, abortOnFail: Bool = false) {
        self.source = source
        self.expression = expression
        self.abortOnFail = abortOnFail
    }

    package var description: String { source }
}
