/// The figures a report shows for one histogram, in the histogram's unit (µs for wsprobe's metrics).
package struct HistogramSummary: Sendable, Equatable, Codable {
    /// Values recorded in range.
    package var count: UInt64
    /// Values above the range, counted but not bucketed.
    package var overflowCount: UInt64
    package var min: UInt64
    package var max: UInt64
    package var mean: Double
    package var standardDeviation: Double
    package var p50: UInt64
    package var p90: UInt64
    package var p95: UInt64
    package var p99: UInt64
    package var p999: UInt64
    package var p9999: UInt64

    package init(
        count: UInt64,
        overflowCount: UInt64,
        min: UInt64,
        max: UInt64,
        mean: Double,
        standardDeviation: Double,
        p50: UInt64,
        p90: UInt64,
        p95: UInt64,
        p99: UInt64,
        p999: UInt64,
        p9999: UInt64
    ) {
        self.count = count
        self.overflowCount = overflowCount
        self.min = min
        self.max = max
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.p50 = p50
        self.p90 = p90
        self.p95 = p95
        self.p99 = p99
        self.p999 = p999
        self.p9999 = p9999
    }
}

extension LatencyHistogram {
    /// Count, extremes, mean, standard deviation and the usual percentiles (50 to 99.99).
    package var summary: HistogramSummary {
        HistogramSummary(
            count: self.count,
            overflowCount: self.overflowCount,
            min: self.min,
            max: self.max,
            mean: self.mean,
            standardDeviation: self.standardDeviation,
            p50: self.value(atPercentile: 50),
            p90: self.value(atPercentile: 90),
            p95: self.value(atPercentile: 95),
            p99: self.value(atPercentile: 99),
            p999: self.value(atPercentile: 99.9),
            p9999: self.value(atPercentile: 99.99)
        )
    }
}
