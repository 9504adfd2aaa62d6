/// The function applied to a metric.
package enum Aggregate: Sendable, Hashable, CustomStringConvertible {
    /// `p50`, `p99`, `p99.9`: the value below which this percentage of samples fall (0 < p ≤ 100).
    case percentile(Double)
    case min
    case max
    /// `mean` (also written `avg`).
    case mean
    /// Number of samples of a latency metric, or the value of a counter.
    case count
    /// A counter as a fraction of its denominator (see `Metric.rateDenominator`), compared with a %.
    case rate
    /// A counter per second of run time, compared with a rate such as `1000/s`.
    case throughput

    package var description: String {
        switch self {
        case .percentile(let p): return p == p.rounded() ? "p\(Int(p))" : "p\(p)"
        case .min: return "min"
        case .max: return "max"
        case .mean: return "mean"
        case .count: return "count"
        case .rate: return "rate"
        case .throughput: return "throughput"
        }
    }

    /// Aggregate names for suggestions.
    static let names = [
        "p50", "p90", "p95", "p99", "p99.9", "min", "max", "mean", "avg", "count", "rate", "throughput",
    ]
}
