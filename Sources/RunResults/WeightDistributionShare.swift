/// One target's row in a weight-distribution test.
package struct WeightDistributionShare: Sendable, Hashable, Codable {
    /// The target identity.
    package var target: String
    /// The configured weight; nil for a target that was observed but is not configured.
    package var weight: Int?
    /// Connections this target served.
    package var observed: Int
    /// Connections it should have served under its weight: total × expected share.
    package var expectedCount: Double
    /// Its weight divided by the sum of weights (0 for unconfigured or weight-0 targets).
    package var expectedShare: Double
    /// Observed divided by all connections counted (0 when none were).
    package var observedShare: Double

    package init(
        target: String,
        weight: Int?,
        observed: Int,
        expectedCount: Double,
        expectedShare: Double,
        observedShare: Double
    ) {
        self.target = target
        self.weight = weight
        self.observed = observed
        self.expectedCount = expectedCount
        self.expectedShare = expectedShare
        self.observedShare = observedShare
    }
}
