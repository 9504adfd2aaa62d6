/// Count and percentiles of one second's values (µs): what a time-series point keeps of that second's
/// histogram, so a long run's series stays small (the histograms themselves are kept per interval, see
/// ``IntervalHistograms``).
package struct SecondPercentiles: Sendable, Equatable {
    /// Values recorded in range in the second (values above the histogram's range are in the interval
    /// histograms' `overflowCount`).
    package var count: UInt64
    package var p50: UInt64
    package var p90: UInt64
    package var p99: UInt64
    package var p999: UInt64
    /// Largest value of the second; always exact.
    package var max: UInt64
    /// True when the percentiles were computed from all of the second's values; false after merging shards
    /// that both had values in the second, when each percentile is the largest of the shards': at least that
    /// share of every shard's values lies at or below it, so it bounds the true one from above (up to the
    /// rounding of a percentile's rank to the nearest value).
    package var exact: Bool

    package init(count: UInt64, p50: UInt64, p90: UInt64, p99: UInt64, p999: UInt64, max: UInt64, exact: Bool) {
        self.count = count
        self.p50 = p50
        self.p90 = p90
        self.p99 = p99
        self.p999 = p999
        self.max = max
        self.exact = exact
    }

    /// No values.
    package static let empty = SecondPercentiles(count: 0, p50: 0, p90: 0, p99: 0, p999: 0, max: 0, exact: true)

    /// The exact figures of `histogram`.
    package init(_ histogram: LatencyHistogram) {
        self.init(
            count: histogram.count,
            p50: histogram.value(atPercentile: 50),
            p90: histogram.value(atPercentile: 90),
            p99: histogram.value(atPercentile: 99),
            p999: histogram.value(atPercentile: 99.9),
            max: histogram.max,
            exact: true
        )
    }

    /// Whether the second had no values.
    package var isEmpty: Bool { self.count == 0 }

    /// The figures of this second and another shard's same second, without their histograms: counts add,
    /// the maximum is exact, and each percentile is the larger of the two (see ``exact``; the result is
    /// marked inexact) unless one side had no values.
    package func combined(with other: SecondPercentiles) -> SecondPercentiles {
        if other.isEmpty { return self }
        if self.isEmpty { return other }
        return SecondPercentiles(
            count: self.count &+ other.count,
            p50: Swift.max(self.p50, other.p50),
            p90: Swift.max(self.p90, other.p90),
            p99: Swift.max(self.p99, other.p99),
            p999: Swift.max(self.p999, other.p999),
            max: Swift.max(self.max, other.max),
            exact: false
        )
    }
}
