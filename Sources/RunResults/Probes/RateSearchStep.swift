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

    package init(
        rate: Int,
        passed: Bool,
        nothingMeasured: String? = nil,
        sent: UInt64 = 0,
        received: UInt64 = 0,
        lost: UInt64 = 0,
        errors: UInt64 = 0,
        p50Microseconds: UInt64? = nil,
        p99Microseconds: UInt64? = nil,
        failedThresholds: [String] = [],
        warmUpSeconds: Double? = nil
    ) {
        self.rate = rate
        self.passed = passed
        self.nothingMeasured = nothingMeasured
        self.sent = sent
        self.received = received
        self.lost = lost
        self.errors = errors
        self.p50Microseconds = p50Microseconds
        self.p99Microseconds = p99Microseconds
        self.failedThresholds = failedThresholds
        self.warmUpSeconds = warmUpSeconds
    }
}
