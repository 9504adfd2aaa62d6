/// What only a `run` measures beyond the metrics: the limits connections ran into, the client's own cost, the
/// connection rate reached, and the figures of the engine that no metric holds. Absent in checks and in
/// version-1 reports.
package struct LoadDetails: Sendable, Hashable, Codable {
    /// Connect failures attributed to a resource (ports, descriptors, memory, target).
    package var limits: [LimitKind: UInt64]
    /// The limit that stopped connections from opening: the resource behind most connect failures, when it
    /// accounts for at least a tenth of them.
    package var limitHit: LimitKind?
    /// Upgrades per second from the first attempt to the last upgrade: the connection rate reached.
    package var connectionsPerSecond: Double?
    /// Messages that arrived while no reply was expected (a broadcast, a greeting).
    package var unsolicitedMessages: UInt64
    /// Paced sends that found no connection ready and were skipped.
    package var skippedSends: UInt64
    /// The scenario's `expect.status` when it is not 101, and how many upgrade requests were answered with it.
    package var expectedStatus: Int?
    package var expectedStatusAnswers: UInt64?
    /// With a measurement window (`probe rate`): the warm-up before it, in seconds; the message figures and
    /// thresholds are then those of the window.
    package var warmUpSeconds: Double?
    /// The client's own CPU and memory; `nil` in a merged result (each shard ran in its own process).
    package var clientCost: ClientCost?

    package init(
        limits: [LimitKind: UInt64] = [:],
        limitHit: LimitKind? = nil,
        connectionsPerSecond: Double? = nil,
        unsolicitedMessages: UInt64 = 0,
        skippedSends: UInt64 = 0,
        expectedStatus: Int? = nil,
        expectedStatusAnswers: UInt64? = nil,
        warmUpSeconds: Double? = nil,
        clientCost: ClientCost? = nil
    ) {
        self.limits = limits
        self.limitHit = limitHit
        self.connectionsPerSecond = connectionsPerSecond
        self.unsolicitedMessages = unsolicitedMessages
        self.skippedSends = skippedSends
        self.expectedStatus = expectedStatus
        self.expectedStatusAnswers = expectedStatusAnswers
        self.warmUpSeconds = warmUpSeconds
        self.clientCost = clientCost
    }

    /// The details of the shards of one run together: counts add, connection rates add (the shards ran at
    /// the same time), the first limit hit and the longest warm-up are kept, and the client cost is dropped.
    package static func merging(_ shards: [LoadDetails]) -> LoadDetails? {
        guard let first = shards.first else { return nil }
        var merged = first
        merged.clientCost = shards.count == 1 ? first.clientCost : nil
        for shard in shards.dropFirst() {
            for (kind, count) in shard.limits { merged.limits[kind, default: 0] += count }
            merged.limitHit = merged.limitHit ?? shard.limitHit
            if let rate = shard.connectionsPerSecond {
                merged.connectionsPerSecond = (merged.connectionsPerSecond ?? 0) + rate
            }
            merged.unsolicitedMessages += shard.unsolicitedMessages
            merged.skippedSends += shard.skippedSends
            if let answers = shard.expectedStatusAnswers {
                merged.expectedStatusAnswers = (merged.expectedStatusAnswers ?? 0) + answers
            }
            if let warmUp = shard.warmUpSeconds { merged.warmUpSeconds = max(merged.warmUpSeconds ?? 0, warmUp) }
        }
        return merged
    }
}
