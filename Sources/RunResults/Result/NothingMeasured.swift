package import LoadMetrics

/// The rule behind verdict `error` (docs/reports.md, docs/exit-codes.md): a run that measured nothing
/// never passes, whatever its thresholds, so a CI gate cannot go green on a target that was never reached.
package enum NothingMeasured {
    /// Why a load run measured nothing, or `nil` when it measured something.
    ///
    /// A run exists to measure upgraded connections; one that exists to measure refusals (`expect.status`
    /// other than 101) measured something when any upgrade request got an HTTP answer: the expected status, or
    /// another one (a `handshake.*` error), which fails its `expect.status` check instead.
    ///
    /// - Parameters:
    ///   - metrics: the run's totals.
    ///   - expectedStatus: the scenario's `expect.status` when it is not 101, else `nil`.
    ///   - expectedStatusAnswers: the upgrade requests answered with `expectedStatus`.
    package static func reason(
        in metrics: MetricsSnapshot,
        expectedStatus: Int? = nil,
        expectedStatusAnswers: UInt64 = 0
    ) -> String? {
        let attempts = metrics[.connectionAttempts]
        guard attempts > 0 else { return "no connection was attempted" }
        if metrics[.upgradesOK] > 0 { return nil }
        if expectedStatus != nil, expectedStatusAnswers > 0 || metrics.errors.keys.contains(where: Self.isAnswer) {
            return nil
        }
        let errors = metrics.errors.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3)
        let causes = errors.isEmpty ? "" : ": " + errors.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
        let expected = expectedStatus.map { " and no upgrade request was answered (expected \($0))" } ?? ""
        return "no connection upgraded\(expected) (\(attempts) attempted\(causes))"
    }

    /// Whether an error code means the server answered the upgrade request (with the wrong status or head).
    private static func isAnswer(_ code: String) -> Bool {
        code.hasPrefix("handshake.")
    }
}
