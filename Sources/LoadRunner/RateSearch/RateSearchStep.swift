import LoadMetrics
package import RunResults

/// One step of a rate search: the rate run, the verdict of the scenario's thresholds, and the figures behind it.
package struct RateSearchStep: Sendable, Codable, Equatable {
    /// Messages per second asked for (in total or per connection, as the scenario's `load.messages.per`).
    package var rate: Int
    /// False when a threshold failed or the step measured nothing.
    package var passed: Bool
    /// Why the step measured nothing (no connection upgraded, or no message came back), `nil` when it
    /// measured something: such a step never passes, whatever the thresholds.
    package var nothingMeasured: String?
    package var sent: UInt64
    package var received: UInt64
    package var lost: UInt64
    package var errors: UInt64
    /// Message round trip percentiles in microseconds, `nil` without echoes.
    package var p50Microseconds: UInt64?
    package var p99Microseconds: UInt64?
    /// The thresholds that failed, each with what was observed.
    package var failedThresholds: [String]
    /// Seconds the step waited for its connections and rate before measuring (nil in older results).
    package var warmUpSeconds: Double?

    /// The step of a finished run at `rate`, from the run's result (a measurement window's figures when the
    /// run had one).
    package init(rate: Int, result: RunResult) {
        let totals = result.metrics
        self.rate = rate
        self.nothingMeasured =
            result.errorReason
            ?? (totals[.messagesReceived] == 0 ? "no message came back (a rate search measures messages)" : nil)
        self.passed = result.verdict == .passed && self.nothingMeasured == nil
        self.sent = totals[.messagesSent]
        self.received = totals[.messagesReceived]
        self.lost = totals[.messagesLost]
        self.errors = totals.errorCount
        let rtt = totals[.messageRTT]
        self.p50Microseconds = rtt.isEmpty ? nil : rtt.value(atPercentile: 50)
        self.p99Microseconds = rtt.isEmpty ? nil : rtt.value(atPercentile: 99)
        self.failedThresholds = result.thresholds.filter { !$0.passed }.map {
            "\($0.expression) (observed \($0.observedText))"
        }
        self.warmUpSeconds = result.loadDetails?.warmUpSeconds.map { ($0 * 10).rounded() / 10 }
    }
}
