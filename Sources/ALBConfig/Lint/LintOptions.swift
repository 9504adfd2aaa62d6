/// What the lint knows about the intended traffic, from the command line.
package struct LintOptions: Sendable, Hashable {
    /// The default safety margin: a heartbeat above 80 % of the idle timeout is too close.
    ///
    /// A heartbeat is scheduled from the client's clock, travels through the network and the ALB, and may
    /// be delayed by a busy event loop or a retransmission; at 80 % a 50 s timeout leaves 10 s for that.
    package static let defaultSafetyMargin = 0.8

    /// The application's heartbeat (ping) interval in milliseconds, if the user gave one.
    package var heartbeatMilliseconds: Int?
    /// How many source addresses generate load; nil means not stated, treated as one (wsprobe's default).
    package var sources: Int?
    /// The fraction of `clientTimeout` above which a heartbeat is reported as too close.
    package var safetyMargin: Double

    package init(heartbeatMilliseconds: Int? = nil, sources: Int? = nil, safetyMargin: Double = defaultSafetyMargin) {
        self.heartbeatMilliseconds = heartbeatMilliseconds
        self.sources = sources
        self.safetyMargin = safetyMargin
    }
}
