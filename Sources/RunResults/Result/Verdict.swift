/// The overall outcome of a run, as the exit status reports it (docs/exit-codes.md).
package enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every check and threshold passed (exit status 0).
    case passed
    /// At least one check or threshold failed (exit status 1).
    case failed
    /// The run could not produce a meaningful measurement (e.g. it could not start).
    case error

    /// The verdict of a set of checks and thresholds: `error` wins, then any failure, else `passed`.
    ///
    /// - Parameters:
    ///   - checks: the check outcomes; one that did not pass fails the run.
    ///   - thresholds: the threshold outcomes; one that did not pass fails the run.
    ///   - error: whether the run hit a condition that makes it an `error` regardless of its outcomes.
    package static func derive(checks: [CheckOutcome], thresholds: [ThresholdOutcome], error: Bool = false) -> Verdict {
        if error { return .error }
        if checks.contains(where: { !$0.passed }) || thresholds.contains(where: { !$0.passed }) { return .failed }
        return .passed
    }
}
