import Histogram

/// One point of a percentile spectrum: the value at or below which `percentile` % of values lie.
///
/// A chart plots `value` against `1 / (1 - percentile / 100)` on a log axis, HdrHistogram style.
package struct PercentilePoint: Sendable, Equatable, Codable {
    /// The percentile level (0...100).
    package var percentile: Double
    /// The value at that level, in the histogram's unit.
    package var value: UInt64
    /// Number of recorded values at or below `value`.
    package var countAtOrBelow: UInt64

    package init(percentile: Double, value: UInt64, countAtOrBelow: UInt64) {
        self.percentile = percentile
        self.value = value
        self.countAtOrBelow = countAtOrBelow
    }
}

extension LatencyHistogram {
    /// The percentile spectrum, with `ticksPerHalfDistance` points in each halving of the distance to
    /// 100 % (HdrHistogram's `outputPercentileDistribution` steps; 5 gives about 100 points for a
    /// million values), ending at 100 %. Empty when nothing was recorded.
    package func percentileSpectrum(ticksPerHalfDistance: Int = 5) -> [PercentilePoint] {
        guard !self.isEmpty else { return [] }
        var points: [PercentilePoint] = []
        for item in self.histogramPercentiles(ticksPerHalfDistance: Swift.max(1, ticksPerHalfDistance)) {
            points.append(
                PercentilePoint(
                    percentile: item.percentileLevelIteratedTo,
                    value: Swift.min(Swift.max(item.value, self.min), self.max),
                    countAtOrBelow: item.totalCountToThisValue
                )
            )
        }
        return points
    }
}
