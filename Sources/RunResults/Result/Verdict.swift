/// The overall outcome of a run, as the exit status reports it (docs/exit-codes.md).
package enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every check and threshold passed (exit status 0).
    case passed
    /// At least one check or threshold failed (exit status 1).
    case failed
    /// The run measured nothing (no connection upgraded, see ``NothingMeasured``), whatever its
    /// thresholds (exit status 4).
    case error

    /// The verdict of a set of checks and thresholds: `error` wins, then any failure, else `passed`.
    ///
    /// - Parameters:
    ///   - checks: the check outcomes; one that did not pass fails the run.
    ///   - thresholds: the threshold outcomes; one that did not pass fails the run.
    ///   - error: whether the run measured nothing, which makes it an `error` regardless of its outcomes.
    ///   - aborted: whether an `abortOnFail` threshold stopped the run, which fails it.
    package static func derive(
        checks: [CheckOutcome],
        thresholds: [ThresholdOutcome],
        error: Bool = false,
        aborted: Bool = false
    ) -> Verdict {
        if error { return .error }
        if aborted || checks.contains(where: { !$0.passed }) || thresholds.contains(where: { !$0.passed }) {
            return .failed
        }
        return .passed
    }
}
