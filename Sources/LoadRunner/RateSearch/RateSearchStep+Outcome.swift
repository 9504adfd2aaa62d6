import LoadMetrics
package import RunResults

extension RateSearchStep {
    /// The step of a finished run at `rate`, from the run's result (a measurement window's figures when the run
    /// had one): its message figures and the verdict of the scenario's thresholds; a step in which no message
    /// came back measured nothing and never passes.
    package init(rate: Int, result: RunResult) {
        let totals = result.metrics
        let rtt = totals[.messageRTT]
        let nothingMeasured =
            result.errorReason
            ?? (totals[.messagesReceived] == 0 ? "no message came back (a rate search measures messages)" : nil)
        self.init(
            rate: rate,
            passed: result.verdict == .passed && nothingMeasured == nil,
            nothingMeasured: nothingMeasured,
            sent: totals[.messagesSent],
            received: totals[.messagesReceived],
            lost: totals[.messagesLost],
            errors: totals.errorCount,
            p50Microseconds: rtt.isEmpty ? nil : rtt.value(atPercentile: 50),
            p99Microseconds: rtt.isEmpty ? nil : rtt.value(atPercentile: 99),
            failedThresholds: result.thresholds.filter { !$0.passed }.map {
                "\($0.expression) (observed \($0.observedText))"
            },
            warmUpSeconds: result.loadDetails?.warmUpSeconds.map { ($0 * 10).rounded() / 10 }
        )
    }
}
