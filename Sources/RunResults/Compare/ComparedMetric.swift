package import LoadMetrics

/// A figure `wsprobe compare` can put side by side for a baseline and a current result.
package enum ComparedMetric: Sendable, Hashable, CustomStringConvertible {
    /// A latency aggregate of a histogram, in µs.
    case latency(LatencyAggregate, HistogramMetric)
    /// Failures per connection attempt (a fraction; limits are in percentage points, see ``RegressionLimit``).
    case errorRate
    /// A counter per second of run duration (default `messages_received`).
    case throughput(CounterMetric)

    /// An aggregate of a latency histogram.
    package enum LatencyAggregate: Sendable, Hashable, CustomStringConvertible {
        case percentile(Double)
        case min
        case max
        case mean

        package var description: String {
            switch self {
            case .percentile(let level):
                level == level.rounded() ? "p\(Int(level))" : "p\(level.formatted(maximumFractionDigits: 4))"
            case .min: "min"
            case .max: "max"
            case .mean: "mean"
            }
        }
    }

    /// The figure of `result`, or `nil` when it has no data (an empty histogram, no connection attempts,
    /// zero duration).
    package func value(in result: RunResult) -> Double? {
        switch self {
        case .latency(let aggregate, let metric):
            let histogram = result.metrics[metric]
            guard !histogram.isEmpty else { return nil }
            switch aggregate {
            case .percentile(let level): return Double(histogram.value(atPercentile: level))
            case .min: return Double(histogram.min)
            case .max: return Double(histogram.max)
            case .mean: return histogram.mean
            }
        case .errorRate:
            let attempts = result.metrics[.connectionAttempts]
            guard attempts > 0 else { return nil }
            return Double(result.metrics.errorCount) / Double(attempts)
        case .throughput(let counter):
            let seconds = result.environment.durationSeconds
            guard seconds > 0 else { return nil }
            return Double(result.metrics[counter]) / seconds
        }
    }

    /// The unit values are shown in.
    package var unit: String {
        switch self {
        case .latency: "µs"
        case .errorRate: "%"
        case .throughput: "/s"
        }
    }

    package var description: String {
        switch self {
        case .latency(let aggregate, let metric): "\(aggregate)(\(metric.name))"
        case .errorRate: "error_rate"
        case .throughput(let counter): "throughput(\(counter.name))"
        }
    }
}

extension Double {
    /// Fixed-point text with at most `maximumFractionDigits` digits and no trailing zeros
    /// (locale-independent, so reports are identical everywhere).
    package func formatted(maximumFractionDigits digits: Int) -> String {
        guard self.isFinite else { return self.isNaN ? "nan" : (self < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<Swift.max(0, digits) { scale *= 10 }
        let scaled = (Swift.abs(self) * scale).rounded()
        guard scaled < 9e15 else { return String(self) }
        let integer = UInt64(scaled)
        let whole = integer / UInt64(scale)
        var fraction = String(integer % UInt64(scale))
        let sign = self < 0 && integer != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        fraction = String(repeating: "0", count: digits - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
