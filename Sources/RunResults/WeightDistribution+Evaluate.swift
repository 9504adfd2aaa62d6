import Foundation
package import Scenario

extension WeightDistribution {
    /// The smallest expected count per cell for which Pearson's χ² approximation is trusted (Cochran's rule).
    package static let minimumExpectedCount = 5.0

    /// Tests observed connection counts against configured weights.
    ///
    /// - Parameters:
    ///   - observed: connections per target identity (targets absent here served none).
    ///   - weights: configured (target, weight) pairs in configuration order; weight 0 targets take no new
    ///     connections (IONOS), so any they serve is unexpected.
    ///   - significance: α; the fit is rejected when p < α. Defaults to 0.01.
    ///
    /// The χ² test covers the positive-weight targets, with the expected counts scaled to the connections they
    /// served; connections on unconfigured or weight-0 targets are reported as unexpected and fail the check.
    /// A missing target or a stuck distribution fails only when it is improbable under the weights (its chance
    /// (1 − share)ⁿ or shareⁿ is below α), so a small sample with a light target is not a false alarm.
    package static func evaluate(
        observed: [String: Int],
        weights: [(target: String, weight: Int)],
        significance: Double = Self.defaultSignificance
    ) -> WeightDistribution {
        let configured = Set(weights.map(\.target))
        let positive = weights.filter { $0.weight > 0 }
        let weightSum = Double(positive.reduce(0) { $0 + $1.weight })
        let total = observed.values.reduce(0) { $0 + max($1, 0) }
        let testedTotal = positive.reduce(0) { $0 + max(observed[$1.target] ?? 0, 0) }
        var findings: [WeightDistributionFinding] = []
        var shares: [WeightDistributionShare] = []
        var statistic = 0.0
        for entry in weights {
            let count = max(observed[entry.target] ?? 0, 0)
            let share = entry.weight > 0 && weightSum > 0 ? Double(entry.weight) / weightSum : 0
            let expected = Double(testedTotal) * share
            shares.append(
                WeightDistributionShare(
                    target: entry.target,
                    weight: entry.weight,
                    observed: count,
                    expectedCount: expected,
                    expectedShare: share,
                    observedShare: total > 0 ? Double(count) / Double(total) : 0
                )
            )
            if entry.weight > 0, expected > 0 {
                let difference = Double(count) - expected
                statistic += difference * difference / expected
            }
            if entry.weight <= 0, count > 0 {
                findings.append(
                    .init(
                        kind: .unexpectedTarget,
                        target: entry.target,
                        fails: true,
                        message: "Target '\(entry.target)' has weight 0 but served \(count) connection(s);"
                            + " weight 0 should take no new connections."
                    )
                )
            }
        }
        for (target, count) in observed.sorted(by: { $0.key < $1.key }) where !configured.contains(target) && count > 0
        {
            shares.append(
                WeightDistributionShare(
                    target: target,
                    weight: nil,
                    observed: count,
                    expectedCount: 0,
                    expectedShare: 0,
                    observedShare: total > 0 ? Double(count) / Double(total) : 0
                )
            )
            findings.append(
                .init(
                    kind: .unexpectedTarget,
                    target: target,
                    fails: true,
                    message: "Target '\(target)' served \(count) connection(s) but is not in the configured group."
                )
            )
        }
        findings += Self.sampleFindings(
            shares: shares,
            positive: positive.count,
            tested: testedTotal,
            total: total,
            significance: significance
        )
        let freedom = max(positive.count - 1, 0)
        let pValue = freedom > 0 && testedTotal > 0 ? Self.chiSquarePValue(statistic, degreesOfFreedom: freedom) : 1
        return WeightDistribution(
            shares: shares,
            total: total,
            statistic: statistic,
            degreesOfFreedom: freedom,
            pValue: pValue,
            significance: significance,
            findings: findings
        )
    }

    /// No data, missing targets, a stuck distribution and the small-sample warning.
    private static func sampleFindings(
        shares: [WeightDistributionShare],
        positive: Int,
        tested: Int,
        total: Int,
        significance: Double
    ) -> [WeightDistributionFinding] {
        guard total > 0 else {
            return [.init(kind: .noData, target: nil, fails: true, message: "No connection was counted on any target.")]
        }
        var findings: [WeightDistributionFinding] = []
        let weighted = shares.filter { ($0.weight ?? 0) > 0 }
        let n = Double(tested)
        for share in weighted where share.observed == 0 {
            let chance = pow(1 - share.expectedShare, n)
            findings.append(
                .init(
                    kind: .missingTarget,
                    target: share.target,
                    fails: chance < significance,
                    message:
                        "Target '\(share.target)' (weight \(share.weight ?? 0), expected \(Self.format(share.expectedCount)))"
                        + " served no connection (chance under the weights \(Self.format(chance)))."
                )
            )
        }
        if positive > 1, tested > 1, let only = weighted.first(where: { $0.observed == tested }) {
            let chance = pow(only.expectedShare, n)
            findings.append(
                .init(
                    kind: .stuck,
                    target: only.target,
                    fails: chance < significance,
                    message: "All \(tested) connections went to '\(only.target)' although \(positive) targets have a"
                        + " positive weight (SOURCE_IP balancing from one source address, or stickiness?)."
                )
            )
        }
        let small = weighted.filter { $0.expectedCount < Self.minimumExpectedCount }
        if !small.isEmpty {
            findings.append(
                .init(
                    kind: .smallSample,
                    target: nil,
                    fails: false,
                    message: "Expected count below \(Int(Self.minimumExpectedCount)) for "
                        + small.map(\.target).joined(separator: ", ")
                        + ": the χ² approximation is unreliable; open more connections."
                )
            )
        }
        return findings
    }
}

extension WeightDistribution {
    /// Tests observed counts against a scenario's `weights:` section, at its significance.
    package static func evaluate(observed: [String: Int], expectation: WeightExpectation) -> WeightDistribution {
        Self.evaluate(
            observed: observed,
            weights: expectation.targets.map { (target: $0.target, weight: $0.weight) },
            significance: expectation.significance
        )
    }
}
