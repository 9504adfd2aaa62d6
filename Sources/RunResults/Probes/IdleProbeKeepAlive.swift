/// Whether one heartbeat mode kept a connection open past the cutoff.
package struct IdleProbeKeepAlive: Sendable, Hashable, Codable {
    package var mode: IdleProbeMode
    /// The heartbeat interval used (a third of the cutoff).
    package var intervalSeconds: Double
    /// How long the connection was to be held (cutoff + margin).
    package var holdSeconds: Double
    /// True when it was still open at the end of the hold; nil when it never opened.
    package var keptOpen: Bool?
    /// When the peer closed it, seconds after the upgrade.
    package var closedAfterSeconds: Double?
    /// How the peer closed it, when it did.
    package var closure: IdleProbeClosure?
    package var heartbeatsSent: Int
    /// Pongs and messages that came back.
    package var repliesReceived: Int
    /// A connect or protocol failure, when there was one.
    package var failure: String?

    package init(
        mode: IdleProbeMode,
        intervalSeconds: Double,
        holdSeconds: Double,
        keptOpen: Bool?,
        closedAfterSeconds: Double? = nil,
        closure: IdleProbeClosure? = nil,
        heartbeatsSent: Int = 0,
        repliesReceived: Int = 0,
        failure: String? = nil
    ) {
        self.mode = mode
        self.intervalSeconds = intervalSeconds
        self.holdSeconds = holdSeconds
        self.keptOpen = keptOpen
        self.closedAfterSeconds = closedAfterSeconds
        self.closure = closure
        self.heartbeatsSent = heartbeatsSent
        self.repliesReceived = repliesReceived
        self.failure = failure
    }
}
