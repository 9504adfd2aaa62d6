/// The verdict on one threshold, evaluated against the merged totals of the run.
package struct ThresholdOutcome: Sendable, Codable, Equatable {
    /// The threshold as written in the scenario.
    package var expression: String
    /// The observed value in canonical units (seconds, fractions, per second, counts), `nil` without samples.
    package var observed: Double?
    package var passed: Bool
    package var abortOnFail: Bool
    /// Why the value could not be judged, or a caveat about it.
    package var note: String?

    package init(expression: String, observed: Double?, passed: Bool, abortOnFail: Bool, note: String? = nil) {
        self.expression = expression
        self.observed = observed
        self.passed = passed
        self.abortOnFail = abortOnFail
        self.note = note
    }
}
