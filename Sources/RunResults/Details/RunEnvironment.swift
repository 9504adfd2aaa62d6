package import Foundation

/// Where and when a run happened.
package struct RunEnvironment: Sendable, Hashable {
    /// The host name of the machine (for merged shards: the distinct names, comma-separated).
    package var hostname: String
    /// Logical CPU cores (for merged shards: the sum over machines).
    package var cores: Int
    /// `RLIMIT_NOFILE` soft limit: how many sockets one process may open (for merged shards: the lowest).
    package var openFilesSoftLimit: UInt64?
    /// `RLIMIT_NOFILE` hard limit.
    package var openFilesHardLimit: UInt64?
    /// Operating system and version (`Linux 6.1.0`; merged: the distinct values, comma-separated).
    package var operatingSystem: String
    /// When the run started (UTC, whole seconds; merged: the earliest start).
    package var startedAt: Date
    /// When the run ended (UTC, whole seconds; merged: the latest end).
    package var endedAt: Date
    /// How long the run took in seconds, measured on the monotonic clock (merged: the span from the
    /// earliest start to the latest end, or the longest shard if that is longer). Rates such as
    /// messages/s divide by this.
    package var durationSeconds: Double
    /// The run length the plan asked for (the scenario's duration or `--duration`) in seconds; nil for a run
    /// that ends when its connections finish, for checks and for older reports. Shards of one run share it.
    package var plannedDurationSeconds: Double?

    package init(
        hostname: String,
        cores: Int,
        openFilesSoftLimit: UInt64?,
        openFilesHardLimit: UInt64?,
        operatingSystem: String,
        startedAt: Date,
        endedAt: Date,
        durationSeconds: Double? = nil,
        plannedDurationSeconds: Double? = nil
    ) {
        self.hostname = hostname
        self.cores = cores
        self.openFilesSoftLimit = openFilesSoftLimit
        self.openFilesHardLimit = openFilesHardLimit
        self.operatingSystem = operatingSystem
        // Whole seconds: ISO 8601 in reports has second precision, so a decoded result equals the
        // original; sub-second precision lives in `durationSeconds`.
        self.startedAt = Self.wholeSecond(startedAt)
        self.endedAt = Self.wholeSecond(endedAt)
        let span = Swift.max(0, endedAt.timeIntervalSince(startedAt))
        let duration = durationSeconds ?? span
        self.durationSeconds = duration.isFinite ? Swift.max(0, duration) : span
        self.plannedDurationSeconds = plannedDurationSeconds
    }

    private static func wholeSecond(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}

extension RunEnvironment: Codable {
    private enum CodingKeys: String, CodingKey {
        case hostname, cores, openFilesSoftLimit, openFilesHardLimit, operatingSystem, startedAt, endedAt
        case durationSeconds, plannedDurationSeconds
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            hostname: try container.decode(String.self, forKey: .hostname),
            cores: try container.decode(Int.self, forKey: .cores),
            openFilesSoftLimit: try container.decodeIfPresent(UInt64.self, forKey: .openFilesSoftLimit),
            openFilesHardLimit: try container.decodeIfPresent(UInt64.self, forKey: .openFilesHardLimit),
            operatingSystem: try container.decode(String.self, forKey: .operatingSystem),
            startedAt: try container.decode(Date.self, forKey: .startedAt),
            endedAt: try container.decode(Date.self, forKey: .endedAt),
            durationSeconds: try container.decode(Double.self, forKey: .durationSeconds),
            plannedDurationSeconds: try container.decodeIfPresent(Double.self, forKey: .plannedDurationSeconds)
        )
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.hostname, forKey: .hostname)
        try container.encode(self.cores, forKey: .cores)
        try container.encodeIfPresent(self.openFilesSoftLimit, forKey: .openFilesSoftLimit)
        try container.encodeIfPresent(self.openFilesHardLimit, forKey: .openFilesHardLimit)
        try container.encode(self.operatingSystem, forKey: .operatingSystem)
        try container.encode(self.startedAt, forKey: .startedAt)
        try container.encode(self.endedAt, forKey: .endedAt)
        try container.encode(self.durationSeconds, forKey: .durationSeconds)
        try container.encodeIfPresent(self.plannedDurationSeconds, forKey: .plannedDurationSeconds)
    }
}
