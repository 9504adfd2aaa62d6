import LoadMetrics

/// How much a figure may get worse between a baseline and the current result: one
/// `--max-regression` of `wsprobe compare`.
///
/// Syntax `FIGURE=LIMIT`:
/// - `p50`, `p90`, `p99`, `p99.9`, `min`, `max`, `mean`, optionally with a histogram in parentheses
///   (`p99(connect_total)`); without one the histogram is `message_rtt`, the figure a load test is
///   usually about. The limit is the largest allowed relative increase: `p99=10%` fails when p99 grew
///   by more than 10 %.
/// - `error_rate`: failures per connection attempt. The limit is in **percentage points**, because a
///   relative change of a near-zero rate means nothing: `error_rate=0.1%` fails when the rate rose by
///   more than 0.1 points (e.g. from 0.05 % to 0.2 %).
/// - `throughput`, optionally with a counter (`throughput(upgrades_ok)`; default `messages_received`):
///   the counter per second of run duration. The limit is signed: `throughput=-5%` fails when
///   throughput fell by more than 5 %.
///
/// A positive limit bounds an increase, a negative one a decrease, for every figure.
package struct RegressionLimit: Sendable, Hashable, CustomStringConvertible {
    /// The figure compared.
    package var metric: ComparedMetric
    /// The allowed change in percent (relative; percentage points for `error_rate`), signed.
    package var percent: Double
    /// The specification as given.
    package var source: String

    package init(metric: ComparedMetric, percent: Double, source: String) {
        self.metric = metric
        self.percent = percent
        self.source = source
    }

    package var description: String { self.source }

    /// Parses one specification; several may be given comma-separated (see ``parseList(_:)``).
    ///
    /// - Throws: ``RegressionSpecError`` (`compare.invalid-spec`, `compare.unknown-metric`,
    ///   `compare.invalid-limit`).
    package static func parse(_ text: String) throws(RegressionSpecError) -> RegressionLimit {
        let spec = text.trimmingSpaces
        guard let equals = spec.firstIndex(of: "=") else { throw .missingEquals(spec) }
        let figure = String(spec[..<equals]).trimmingSpaces
        let limit = String(spec[spec.index(after: equals)...]).trimmingSpaces
        let metric = try Self.parseMetric(figure, spec: spec)
        guard limit.hasSuffix("%"), let percent = Double(String(limit.dropLast()).trimmingSpaces), percent.isFinite
        else {
            throw .invalidLimit(spec, limit: limit)
        }
        return RegressionLimit(metric: metric, percent: percent, source: spec)
    }

    /// Parses comma-separated specifications (`p99=10%,error_rate=0.1%`).
    package static func parseList(_ text: String) throws(RegressionSpecError) -> [RegressionLimit] {
        var limits: [RegressionLimit] = []
        for part in text.split(separator: ",") where !String(part).trimmingSpaces.isEmpty {
            limits.append(try Self.parse(String(part)))
        }
        return limits
    }

    private static func parseMetric(_ figure: String, spec: String) throws(RegressionSpecError) -> ComparedMetric {
        var name = figure
        var argument: String?
        if let open = figure.firstIndex(of: "("), figure.hasSuffix(")") {
            name = String(figure[..<open])
            argument = String(figure[figure.index(after: open)..<figure.index(before: figure.endIndex)]).trimmingSpaces
        }
        switch name {
        case "error_rate":
            guard argument == nil else { throw .unknownMetric(spec, figure: figure) }
            return .errorRate
        case "throughput":
            guard let argument else { return .throughput(.messagesReceived) }
            guard let counter = CounterMetric(name: argument) else { throw .unknownMetric(spec, figure: figure) }
            return .throughput(counter)
        default:
            let histogram: HistogramMetric
            if let argument {
                guard let metric = HistogramMetric(name: argument) else { throw .unknownMetric(spec, figure: figure) }
                histogram = metric
            } else {
                histogram = .messageRTT
            }
            switch name {
            case "min": return .latency(.min, histogram)
            case "max": return .latency(.max, histogram)
            case "mean", "avg": return .latency(.mean, histogram)
            default:
                guard name.hasPrefix("p"), let level = Double(name.dropFirst()), level > 0, level <= 100 else {
                    throw .unknownMetric(spec, figure: figure)
                }
                return .latency(.percentile(level), histogram)
            }
        }
    }
}
