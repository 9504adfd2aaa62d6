import LoadMetrics
package import RunResults

extension RateSearchStep {
    /// The step of a finished run at `rate`: its message figures and the verdict of the scenario's thresholds;
    /// a step in which no message came back measured nothing and never passes.
    package init(rate: Int, outcome: RunOutcome) {
        let rtt = outcome.totals[.messageRTT]
        let nothingMeasured =
            outcome.nothingMeasured
            ?? (outcome.totals[.messagesReceived] == 0 ? "no message came back (a rate search measures messages)" : nil)
        self.init(
            rate: rate,
            passed: outcome.passed && nothingMeasured == nil,
            nothingMeasured: nothingMeasured,
            sent: outcome.totals[.messagesSent],
            received: outcome.totals[.messagesReceived],
            lost: outcome.totals[.messagesLost],
            errors: outcome.totals.errorCount,
            p50Microseconds: rtt.isEmpty ? nil : rtt.value(atPercentile: 50),
            p99Microseconds: rtt.isEmpty ? nil : rtt.value(atPercentile: 99),
            failedThresholds: outcome.thresholds.filter { !$0.passed }.map {
                "\($0.expression) (observed \($0.observedText))"
            },
            warmUpSeconds: outcome.warmUpSeconds.map { ($0 * 10).rounded() / 10 }
        )
    }
}
