package import LoadMetrics
package import Scenario

/// Evaluates scenario thresholds against a merged `MetricsSnapshot`.
package enum ThresholdEvaluator {
    /// Evaluates every threshold; `elapsedSeconds` is the denominator of `throughput(...)`.
    package static func evaluate(
        _ thresholds: [Threshold],
        against snapshot: MetricsSnapshot,
        elapsedSeconds: Double
    ) -> [ThresholdOutcome] {
        thresholds.map { self.evaluate($0, against: snapshot, elapsedSeconds: elapsedSeconds) }
    }

    /// Evaluates one threshold. A metric without samples passes with a note (nothing was violated).
    package static func evaluate(
        _ threshold: Threshold,
        against snapshot: MetricsSnapshot,
        elapsedSeconds: Double
    ) -> ThresholdOutcome {
        let expression = threshold.expression
        var note: String?
        let ignored = expression.filters.filter { $0.label != "code" }
        if !ignored.isEmpty {
            note = "label filters \(ignored.map(\.description).joined(separator: ", ")) are not broken down yet"
        }
        guard let observed = self.observe(expression, in: snapshot, elapsedSeconds: elapsedSeconds) else {
            return ThresholdOutcome(
                expression: threshold.source,
                observed: nil,
                passed: true,
                abortOnFail: threshold.abortOnFail,
                note: note ?? "no samples"
            )
        }
        return ThresholdOutcome(
            expression: threshold.source,
            observed: observed,
            passed: expression.comparison.evaluate(observed: observed),
            abortOnFail: threshold.abortOnFail,
            note: note
        )
    }

    /// The observed value in the comparison's canonical unit, or `nil` when there is nothing to judge.
    package static func observe(
        _ expression: ThresholdExpression,
        in snapshot: MetricsSnapshot,
        elapsedSeconds: Double
    ) -> Double? {
        if let histogram = self.histogram(for: expression.metric) {
            let values = snapshot[histogram]
            if case .count = expression.aggregate { return Double(values.count) }
            guard !values.isEmpty else { return nil }
            let microseconds: Double
            switch expression.aggregate {
            case .percentile(let p): microseconds = Double(values.value(atPercentile: p))
            case .min: microseconds = Double(values.min)
            case .max: microseconds = Double(values.max)
            case .mean: microseconds = values.mean
            default: return nil
            }
            return microseconds / 1e6
        }
        let count = self.count(expression.metric, filters: expression.filters, in: snapshot)
        switch expression.aggregate {
        case .count:
            return Double(count)
        case .rate:
            guard let denominatorMetric = expression.metric.rateDenominator else { return nil }
            let denominator = self.count(denominatorMetric, filters: [], in: snapshot)
            guard denominator > 0 else { return nil }
            return Double(count) / Double(denominator)
        case .throughput:
            guard elapsedSeconds > 0 else { return nil }
            return Double(count) / elapsedSeconds
        default:
            return nil
        }
    }

    private static func histogram(for metric: Metric) -> HistogramMetric? {
        switch metric {
        case .dns: .dns
        case .tcpConnect: .tcpConnect
        case .tlsHandshake: .tlsHandshake
        case .wsUpgrade: .wsUpgrade
        case .connectTotal: .connectTotal
        case .firstMessage: .firstMessage
        case .messageRTT: .messageRTT
        case .pingRTT: .pingRTT
        case .closeHandshake: .closeHandshake
        default: nil
        }
    }

    private static func count(_ metric: Metric, filters: [LabelFilter], in snapshot: MetricsSnapshot) -> UInt64 {
        switch metric {
        case .upgradeOK: return snapshot[.upgradesOK]
        case .upgradeFailed: return snapshot[.upgradesFailed]
        case .messagesSent: return snapshot[.messagesSent]
        case .messagesReceived: return snapshot[.messagesReceived]
        case .messagesLost: return snapshot[.messagesLost]
        case .bytesSent: return snapshot[.payloadBytesSent]
        case .bytesReceived: return snapshot[.payloadBytesReceived]
        case .connections: return snapshot[.connectionAttempts]
        case .errors:
            let codeFilters = filters.filter { $0.label == "code" }
            return snapshot.errors.reduce(0) { sum, entry in
                codeFilters.allSatisfy { $0.matches(entry.key) } ? sum &+ entry.value : sum
            }
        default:
            return 0
        }
    }
}
