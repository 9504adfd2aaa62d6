import Foundation

/// Observed connections per target compared with the configured weights: a chi-square goodness-of-fit test at a
/// stated significance, plus flags for missing, unexpected and stuck targets (peers.md §6 item 3).
///
/// Build one with `WeightDistribution.evaluate(observed:weights:significance:)`; the value is Codable for the
/// run report and carries `chart` rows for the HTML share chart.
package struct WeightDistribution: Sendable, Hashable, Codable {
    /// The configured targets (weight order of the configuration) followed by unexpected ones.
    package var shares: [WeightDistributionShare]
    /// Connections counted on all targets, configured or not.
    package var total: Int
    /// Pearson's χ² = Σ (observed − expected)² / expected over the targets with a positive weight.
    package var statistic: Double
    /// Degrees of freedom: the number of positive-weight targets minus one.
    package var degreesOfFreedom: Int
    /// The probability of a χ² at least this large when the configured weights are true; 1 with no freedom.
    package var pValue: Double
    /// The significance level α: the fit is rejected when `pValue < significance` (default 0.01).
    package var significance: Double
    /// Missing, unexpected, stuck targets and sample-size warnings.
    package var findings: [WeightDistributionFinding]

    /// The default significance level α = 0.01: a correctly weighted balancer fails one run in a hundred.
    package static let defaultSignificance = 0.01

    /// True when the χ² test does not reject the configured weights.
    package var fits: Bool { self.pValue >= self.significance }

    /// True when the distribution fits and no finding fails the check.
    package var passed: Bool { self.fits && !self.findings.contains { $0.fails } }

    /// Rows for a share chart: target, expected share and observed share (each 0…1).
    package var chart: [WeightDistributionChartRow] {
        self.shares.map {
            WeightDistributionChartRow(
                target: $0.target,
                expectedShare: $0.expectedShare,
                observedShare: $0.observedShare
            )
        }
    }

    /// Connections counted on the targets with a positive weight: the sample the χ² test is computed on.
    package var testedCount: Int {
        self.shares.filter { ($0.weight ?? 0) > 0 }.reduce(0) { $0 + $1.observed }
    }

    /// The test's numbers without a verdict: `χ²=0.53, df=1, p=0.47, α=0.01`.
    package var statistics: String {
        "χ²=\(Self.format(self.statistic)), df=\(self.degreesOfFreedom), p=\(Self.format(self.pValue)),"
            + " α=\(Self.format(self.significance))"
    }

    /// One line for consoles and check messages: `χ²=0.53, df=1, p=0.47 ≥ α=0.01: fits the weights`; without
    /// any connection on a weighted target, that the fit was not tested (never that it fits).
    package var summary: String {
        guard self.testedCount > 0 else {
            return "no connection was counted on a weighted target, so the fit to the weights was not tested"
        }
        let verdict =
            self.fits
            ? "≥ α=\(Self.format(self.significance)): fits the weights"
            : "< α=\(Self.format(self.significance)): does not fit the weights"
        return
            "χ²=\(Self.format(self.statistic)), df=\(self.degreesOfFreedom), p=\(Self.format(self.pValue)) \(verdict)"
    }

    static func format(_ value: Double) -> String {
        if value.isInfinite { return "∞" }
        if value != 0, abs(value) < 0.001 { return String(format: "%.2e", value) }
        return String(format: "%.3g", value)
    }
}
