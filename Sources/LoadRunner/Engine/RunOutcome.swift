package import Foundation
package import LoadMetrics
import ResultCodes
package import RunResults

/// What the engine hands over at the end of a run. It is not a result of its own: `runResult(...)` turns it
/// into the `RunResult` (report.json and every view of it), the one place it is read.
package struct RunOutcome: Sendable {
    /// The client's own cost.
    package struct Client: Sendable, Equatable {
        /// Usage over the whole process life at the end of the run.
        package var usage: ResourceUsage
        /// Usage when the run started (after start-up and the workers' histograms), subtracted in the
        /// per-connection figures.
        package var baseline: ResourceUsage
        package var fileLimit: FileLimit
        /// Peak connections open at once, the divisor of the per-connection figures.
        package var peakConnections: UInt64
        /// Client CPU and memory per connection; `nil` below `perConnectionMinimum` connections, where the
        /// process's own start-up growth, not the connections, would dominate the quotient.
        package var cpuSecondsPerConnection: Double?
        /// Peak RSS growth per connection: includes what opening connections needed for a moment.
        package var rssBytesPerConnection: Double?
        /// Resident memory growth per open connection at the per-second sample with the most connections open
        /// (Linux): what holding a connection costs, without the transient memory of opening it.
        package var heldRSSBytesPerConnection: Double?
        /// Connections open at that sample.
        package var heldConnections: UInt64?

        /// The fewest peak connections for which per-connection figures are given.
        package static let perConnectionMinimum = ClientCost.perConnectionMinimum
    }

    package var scenario: String
    package var target: String
    package var shard: String
    package var startedAt: Date
    package var endedAt: Date
    package var elapsedSeconds: Double
    package var interrupted: Bool
    /// The abort-on-fail threshold that stopped the run early, if any.
    package var abortedBy: String?
    /// Why the run measured nothing (``NothingMeasured``), making its verdict `error`; `nil` when it measured
    /// something.
    package var nothingMeasured: String?
    package var passed: Bool
    package var totals: MetricsSnapshot
    package var timeSeries: TimeSeries
    package var thresholds: [ThresholdOutcome]
    /// Connection failures attributed to a resource, and the one that dominated (the limit that stopped the run).
    package var limits: [LimitKind: UInt64]
    package var limitHit: LimitKind?
    package var unsolicitedMessages: UInt64
    package var skippedSends: UInt64
    package var client: Client
    /// Percentiles of every latency histogram of `totals`, in microseconds (the histograms themselves are
    /// in `totals`, lossless).
    package var latencies: [String: HistogramSummary]
    /// Upgrades per second from the first attempt to the last upgrade: the connection rate reached.
    package var connectionsPerSecond: Double?
    /// The first few samples of each error code (at most five per code, from the workers in order).
    package var errorSamples = ErrorSamples()
    /// The first successful upgrade's request, 101 response, negotiation and TLS session, if any succeeded.
    package var upgrade: UpgradeDetails?
    /// The scenario's `expect.status` when it is not 101, and how many upgrade requests were answered with it.
    package var expectedStatus: Int?
    package var expectedStatusAnswers: UInt64 = 0
    /// The run length the plan asked for, in seconds; nil for a run that ends when its connections finish.
    package var plannedSeconds: Double?
    /// With a measurement window (`probe rate`): the warm-up before it, in seconds; message figures and
    /// thresholds are then those of the window.
    package var warmUpSeconds: Double?

    /// The `expect.status` check when the scenario expects a status other than 101: every attempt must be
    /// answered with it.
    package var statusCheck: CheckOutcome? {
        guard let expected = self.expectedStatus else { return nil }
        let attempts = self.totals[.connectionAttempts]
        let passed = attempts > 0 && self.expectedStatusAnswers == attempts
        return CheckOutcome(
            name: "expect.status \(expected)",
            passed: passed,
            message: "\(self.expectedStatusAnswers) of \(attempts) upgrade requests were answered with \(expected).",
            observed: String(self.expectedStatusAnswers),
            expected: String(attempts),
            phase: Phase.upgrade.rawValue,
            code: passed ? nil : ErrorCode.expectStatus.rawValue
        )
    }
}
