/// What the run cost the client itself: CPU and peak memory of the wsprobe process (getrusage), its
/// open-files limit, and the per-connection figures derived from them.
package struct ClientCost: Sendable, Hashable, Codable {
    /// CPU time and peak resident memory of the process.
    package struct Usage: Sendable, Hashable, Codable {
        package var userCPUSeconds: Double
        package var systemCPUSeconds: Double
        package var maxRSSBytes: UInt64

        package init(userCPUSeconds: Double, systemCPUSeconds: Double, maxRSSBytes: UInt64) {
            self.userCPUSeconds = userCPUSeconds
            self.systemCPUSeconds = systemCPUSeconds
            self.maxRSSBytes = maxRSSBytes
        }
    }

    /// `RLIMIT_NOFILE` before and after raising the soft limit to the hard limit.
    package struct FileLimit: Sendable, Hashable, Codable {
        package var softBefore: UInt64
        package var soft: UInt64
        package var hard: UInt64

        package init(softBefore: UInt64, soft: UInt64, hard: UInt64) {
            self.softBefore = softBefore
            self.soft = soft
            self.hard = hard
        }
    }

    /// The fewest peak connections for which per-connection figures are given: below it the process's own
    /// start-up growth, not the connections, would dominate the quotient.
    package static let perConnectionMinimum: UInt64 = 100

    /// Usage over the whole process life at the end of the run.
    package var usage: Usage
    /// Usage when the run started (after start-up), subtracted in the per-connection figures.
    package var baseline: Usage
    package var fileLimit: FileLimit
    /// Peak connections open at once, the divisor of the per-connection figures.
    package var peakConnections: UInt64
    /// CPU seconds per connection; `nil` below ``perConnectionMinimum`` connections.
    package var cpuSecondsPerConnection: Double?
    /// Peak RSS growth per connection: includes what opening connections needed for a moment.
    package var rssBytesPerConnection: Double?
    /// Resident memory growth per open connection at the second with the most connections open (Linux): what
    /// holding a connection costs, without the transient memory of opening it.
    package var heldRSSBytesPerConnection: Double?
    /// Connections open at that second.
    package var heldConnections: UInt64?

    package init(
        usage: Usage,
        baseline: Usage,
        fileLimit: FileLimit,
        peakConnections: UInt64,
        cpuSecondsPerConnection: Double? = nil,
        rssBytesPerConnection: Double? = nil,
        heldRSSBytesPerConnection: Double? = nil,
        heldConnections: UInt64? = nil
    ) {
        self.usage = usage
        self.baseline = baseline
        self.fileLimit = fileLimit
        self.peakConnections = peakConnections
        self.cpuSecondsPerConnection = cpuSecondsPerConnection
        self.rssBytesPerConnection = rssBytesPerConnection
        self.heldRSSBytesPerConnection = heldRSSBytesPerConnection
        self.heldConnections = heldConnections
    }

    /// CPU seconds the run itself used (user and system, less the baseline).
    package var runCPUSeconds: Double {
        self.usage.userCPUSeconds + self.usage.systemCPUSeconds - self.baseline.userCPUSeconds
            - self.baseline.systemCPUSeconds
    }
}
