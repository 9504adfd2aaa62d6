package import LoadMetrics
package import RunResults

/// What a worker hands the coordinator each second: its metrics and engine-level counts.
package struct WorkerReport: Sendable {
    package var metrics: RecorderSnapshot
    /// Connections this worker currently wants open (its share of the ramp).
    package var targetConnections: Int
    /// Counts of connection failures attributed to a resource limit.
    package var limits: [LimitKind: UInt64]
    /// Received messages that matched no send (server pushes, or echoes after the window was cleared).
    package var unsolicitedMessages: UInt64
    /// Total-rate send permits that found no connection ready to send within a second.
    package var skippedSends: UInt64
    /// True once the worker has nothing left to do.
    package var finished: Bool
    /// Connections opening or open.
    package var activeConnections: Int
    /// Most connections open at once on this worker so far.
    package var peakOpen: UInt64
    /// When this worker's first connection attempt started (monotonic nanoseconds).
    package var firstAttemptNanoseconds: UInt64?
    /// When this worker's latest upgrade completed (monotonic nanoseconds).
    package var lastUpgradeNanoseconds: UInt64?
    /// This worker's error samples and first upgrade's details so far.
    package var samples: WorkerSamples
    /// Upgrade requests answered with the scenario's `expect.status` when it is not 101.
    package var expectedStatusAnswers: UInt64 = 0
}
