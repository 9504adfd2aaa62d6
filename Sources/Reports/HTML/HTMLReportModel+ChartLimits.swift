import RunResults
import Scenario

extension HTMLReportModel {
    /// The limits of the result's thresholds that a chart plots: thresholds without label filters on one of
    /// `metrics` whose aggregate `applies`, with a duration (drawn in microseconds, the latency charts' unit)
    /// or a rate (per second) as limit. A threshold whose text does not parse is left out.
    static func limits(
        _ result: RunResult,
        on metrics: Set<Metric>,
        where applies: (Aggregate) -> Bool
    ) -> [ChartLimit] {
        result.thresholds.compactMap { outcome in
            guard let expression = try? ThresholdExpression.parse(outcome.expression),
                expression.filters.isEmpty, metrics.contains(expression.metric), applies(expression.aggregate)
            else { return nil }
            let value: Double
            switch expression.comparison.value {
            case .duration(let duration): value = duration.secondsDouble * 1_000_000
            case .rate(let rate): value = rate.perSecond
            default: return nil
            }
            guard value.isFinite, value >= 0 else { return nil }
            return ChartLimit(value: value, label: outcome.expression, passed: outcome.passed)
        }
    }

    /// Limits on a latency distribution: percentiles, minimum, maximum and mean.
    static func isLatencyAggregate(_ aggregate: Aggregate) -> Bool {
        switch aggregate {
        case .percentile, .min, .max, .mean: true
        case .count, .rate, .throughput: false
        }
    }
}
