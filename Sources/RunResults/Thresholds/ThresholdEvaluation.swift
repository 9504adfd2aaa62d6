package import LoadMetrics
package import Scenario

/// Evaluates scenario thresholds against a run's metrics: the outcomes a result carries.
///
/// Observed values are computed in the limit's canonical unit (`Comparison.evaluate(observed:)`):
/// seconds for latency aggregates (histograms record µs), a fraction for `rate`, events per second for
/// `throughput`, bytes for `count(bytes_*)`, a plain number otherwise.
///
/// A threshold whose metric has no data (no sample of a latency, a zero denominator for a rate, a run of
/// zero duration for a throughput) **fails** with "no data": a gate that passes because nothing was
/// measured would let a broken run through CI. Label filters can be evaluated only where the result
/// keeps the label: `code` and `target` on `errors` (counts by error code, and by the identity of the
/// target an upgraded connection was on when the error happened), and `target` on `upgrade_ok` and
/// `connections` (connections by target identity); any other filter fails with "label not recorded".
/// A `target` filter on `errors` counts only errors of connections whose target reported an identity.
package func evaluate(
    thresholds: [Threshold],
    against metrics: MetricsSnapshot,
    durationSeconds: Double
) -> [ThresholdOutcome] {
    thresholds.map { threshold in
        let expression = threshold.expression
        let limit = expression.comparison.description
        let observation = observe(expression, in: metrics, durationSeconds: durationSeconds)
        switch observation {
        case .value(let value, let text):
            return ThresholdOutcome(
                expression: threshold.source,
                observed: value,
                observedText: text,
                limit: limit,
                passed: expression.comparison.evaluate(observed: value),
                abortOnFail: threshold.abortOnFail
            )
        case .unavailable(let reason):
            return ThresholdOutcome(
                expression: threshold.source,
                observed: nil,
                observedText: reason,
                limit: limit,
                passed: false,
                abortOnFail: threshold.abortOnFail
            )
        }
    }
}

/// Evaluates `thresholds` against a result's metrics and duration (see
/// ``evaluate(thresholds:against:durationSeconds:)``).
package func evaluate(thresholds: [Threshold], against result: RunResult) -> [ThresholdOutcome] {
    evaluate(thresholds: thresholds, against: result.metrics, durationSeconds: result.environment.durationSeconds)
}

extension RunResult {
    /// This result with its thresholds evaluated from `thresholds` and its verdict re-derived (an
    /// `error` verdict stays `error`, a run stopped by an `abortOnFail` threshold stays failed).
    package func evaluating(_ thresholds: [Threshold]) -> RunResult {
        var copy = self
        copy.thresholds = evaluate(thresholds: thresholds, against: self)
        copy.verdict = Verdict.derive(
            checks: copy.checks,
            thresholds: copy.thresholds,
            error: self.verdict == .error,
            aborted: self.abortedBy != nil
        )
        return copy
    }
}

private enum Observation {
    case value(Double, String)
    case unavailable(String)
}

private func observe(
    _ expression: ThresholdExpression,
    in metrics: MetricsSnapshot,
    durationSeconds: Double
)
    -> Observation
{
    let metric = expression.metric
    if metric.kind == .latency {
        guard expression.filters.isEmpty else { return .unavailable("label not recorded for \(metric.rawValue)") }
        guard let histogramMetric = HistogramMetric(name: metric.rawValue) else {
            return .unavailable("unknown metric \(metric.rawValue)")
        }
        let histogram = metrics[histogramMetric]
        if case .count = expression.aggregate {
            return .value(Double(histogram.count), ObservedText.number(Double(histogram.count)))
        }
        guard !histogram.isEmpty else { return .unavailable("no data") }
        let micros: Double
        switch expression.aggregate {
        case .percentile(let level): micros = Double(histogram.value(atPercentile: level))
        case .min: micros = Double(histogram.min)
        case .max: micros = Double(histogram.max)
        case .mean: micros = histogram.mean
        case .count, .rate, .throughput: return .unavailable("\(expression.aggregate) does not apply to a latency")
        }
        return .value(micros / 1_000_000, ObservedText.duration(seconds: micros / 1_000_000))
    }
    guard let count = counterValue(metric, filters: expression.filters, in: metrics) else {
        return .unavailable("label not recorded for \(metric.rawValue)")
    }
    switch expression.aggregate {
    case .count:
        return .value(count, metric.countsBytes ? ObservedText.bytes(count) : ObservedText.number(count))
    case .rate:
        guard let denominatorMetric = metric.rateDenominator,
            var denominator = counterValue(denominatorMetric, filters: [], in: metrics)
        else { return .unavailable("rate does not apply to \(metric.rawValue)") }
        if metric == .upgradeOK || metric == .upgradeFailed {
            // Only finished attempts: a handshake still in flight when an abort-on-fail threshold is checked
            // mid-run has neither succeeded nor failed, and must not drag the upgrade rate down.
            denominator = Double(metrics[.upgradesOK] &+ metrics[.upgradesFailed])
        }
        guard denominator > 0 else { return .unavailable("no data") }
        let fraction = count / denominator
        return .value(fraction, ObservedText.percent(fraction: fraction))
    case .throughput:
        guard durationSeconds > 0 else { return .unavailable("no data") }
        let perSecond = count / durationSeconds
        return .value(perSecond, ObservedText.number(perSecond) + "/s")
    case .percentile, .min, .max, .mean:
        return .unavailable("\(expression.aggregate) does not apply to a counter")
    }
}

/// The value of a counter metric, or `nil` when a filter names a label the result does not keep.
private func counterValue(_ metric: Metric, filters: [LabelFilter], in metrics: MetricsSnapshot) -> Double? {
    func matching(_ counts: [String: UInt64], label: String) -> Double? {
        guard filters.allSatisfy({ $0.label == label }) else { return nil }
        let total = counts.filter { key, _ in filters.allSatisfy { $0.matches(key) } }.values.reduce(0, &+)
        return Double(total)
    }
    switch metric {
    case .errors:
        if filters.isEmpty { return Double(metrics.errorCount) }
        guard filters.contains(where: { $0.label == "target" }) else { return matching(metrics.errors, label: "code") }
        return errorsByTarget(filters, in: metrics)
    case .upgradeOK:
        return filters.isEmpty ? Double(metrics[.upgradesOK]) : matching(metrics.targetIdentities, label: "target")
    case .connections:
        return filters.isEmpty
            ? Double(metrics[.connectionAttempts]) : matching(metrics.targetIdentities, label: "target")
    default:
        guard filters.isEmpty else { return nil }
        switch metric {
        case .upgradeFailed: return Double(metrics[.upgradesFailed])
        case .messagesSent: return Double(metrics[.messagesSent])
        case .messagesReceived: return Double(metrics[.messagesReceived])
        case .messagesLost: return Double(metrics[.messagesLost])
        case .bytesSent: return Double(metrics[.payloadBytesSent])
        case .bytesReceived: return Double(metrics[.payloadBytesReceived])
        case .reconnects: return Double(metrics[.reconnects])
        default: return nil
        }
    }
}

/// Errors whose target identity and code satisfy every `target` and `code` filter, or `nil` when a filter
/// names another label.
private func errorsByTarget(_ filters: [LabelFilter], in metrics: MetricsSnapshot) -> Double? {
    guard filters.allSatisfy({ $0.label == "target" || $0.label == "code" }) else { return nil }
    let targets = filters.filter { $0.label == "target" }
    let codes = filters.filter { $0.label == "code" }
    var total: UInt64 = 0
    for (target, counts) in metrics.errorsByTarget where targets.allSatisfy({ $0.matches(target) }) {
        for (code, count) in counts where codes.allSatisfy({ $0.matches(code) }) { total &+= count }
    }
    return Double(total)
}
