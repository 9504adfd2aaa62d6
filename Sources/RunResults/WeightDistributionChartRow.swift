/// A chart-friendly row: one bar pair per target.
package struct WeightDistributionChartRow: Sendable, Hashable, Codable {
    package var target: String
    /// Share the configured weights give this target (0…1).
    package var expectedShare: Double
    /// Share it actually received (0…1).
    package var observedShare: Double

    package init(target: String, expectedShare: Double, observedShare: Double) {
        self.target = target
        self.expectedShare = expectedShare
        self.observedShare = observedShare
    }
}
