/// What `wsprobe probe rate` found: every step and the highest rate that passed.
///
/// The `rate` member of ``ProbeDetails`` in a result of kind `probe-rate`; whether a rate passed at all is the
/// result's `rate.highest-passing` check.
package struct RateSearchDetails: Sendable, Codable, Equatable {
    /// The scenario's name.
    package var scenario: String
    /// The URL the steps ran against (secrets redacted).
    package var target: String
    /// Seconds each step measured.
    package var stepSeconds: Double
    /// The first rate the search tried (`--from`), messages per second.
    package var fromRate: Int
    /// The highest rate the search would try (`--to`), messages per second.
    package var toRate: Int
    /// The steps in the order they ran.
    package var steps: [RateSearchStep]
    /// The highest rate whose step passed, `nil` when none did.
    package var highestPassingRate: Int?
    /// Why the search ended, in one sentence.
    package var conclusion: String
    /// True when Ctrl-C or SIGTERM stopped the search.
    package var interrupted: Bool

    package init(
        scenario: String,
        target: String,
        stepSeconds: Double,
        fromRate: Int,
        toRate: Int,
        steps: [RateSearchStep],
        highestPassingRate: Int?,
        conclusion: String,
        interrupted: Bool
    ) {
        self.scenario = scenario
        self.target = target
        self.stepSeconds = stepSeconds
        self.fromRate = fromRate
        self.toRate = toRate
        self.steps = steps
        self.highestPassingRate = highestPassingRate
        self.conclusion = conclusion
        self.interrupted = interrupted
    }

    /// Why the search measured nothing (every step did, see ``RateSearchStep/nothingMeasured``): its verdict
    /// is `error`, exit status 4. `nil` when a step measured something or no step ran.
    package var nothingMeasured: String? {
        guard let first = self.steps.first?.nothingMeasured else { return nil }
        return self.steps.allSatisfy { $0.nothingMeasured != nil } ? first : nil
    }
}
