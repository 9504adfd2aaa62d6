/// Expected share of connections per target, checked with a chi-square goodness-of-fit test.
package struct WeightExpectation: Sendable, Hashable {
    /// Target identity and its configured weight, in file order.
    package var targets: [Weight]
    /// How many connections to open for the test (default 300, enough for ±5 % shares at 3 targets).
    package var connections: Int
    /// The test's significance level α (default 0.01): the run fails when p < α.
    package var significance: Double

    /// One target's configured weight.
    package struct Weight: Sendable, Hashable {
        package var target: String
        package var weight: Int

        package init(target: String, weight: Int) {
            self.target = target
            self.weight = weight
        }
    }

    package init(targets: [Weight], connections: Int = 300, significance: Double = 0.01) {
        self.targets = targets
        self.connections = connections
        self.significance = significance
    }

    /// Each target's expected share of connections (weights normalised to sum to 1).
    package var expectedShares: [String: Double] {
        let total = Double(targets.reduce(0) { $0 + $1.weight })
        guard total > 0 else { return [:] }
        var shares: [String: Double] = [:]
        for entry in targets { shares[entry.target] = Double(entry.weight) / total }
        return shares
    }
}
