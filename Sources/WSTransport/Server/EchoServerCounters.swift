/// What an `EchoServer` has done so far, summed over its event loops.
package struct EchoServerCounters: Sendable, Hashable {
    /// TCP connections open now (handshaking or upgraded).
    package var openConnections = 0
    /// TCP connections accepted since start.
    package var totalConnections = 0
    /// Connections upgraded to WebSocket since start.
    package var upgrades = 0
    /// Requests answered with an HTTP error or a configured rejection instead of 101.
    package var rejectedRequests = 0
    /// `/health` requests answered 200.
    package var healthChecks = 0
    /// Data messages echoed (or answered, for `whoami`).
    package var messagesEchoed = 0
    /// Payload bytes of the echoed messages (after inflation).
    package var bytesEchoed = 0
    /// Upgraded connections told to drain (`EchoServer.drain(grace:)`) since start.
    package var drainedConnections = 0

    package init() {}

    /// Adds `other` field by field.
    package mutating func add(_ other: EchoServerCounters) {
        self.openConnections += other.openConnections
        self.totalConnections += other.totalConnections
        self.upgrades += other.upgrades
        self.rejectedRequests += other.rejectedRequests
        self.healthChecks += other.healthChecks
        self.messagesEchoed += other.messagesEchoed
        self.drainedConnections += other.drainedConnections
        self.bytesEchoed += other.bytesEchoed
    }
}

extension EchoServerCounters: CustomStringConvertible {
    /// One line for the end of `wsprobe serve`.
    package var description: String {
        "connections \(self.totalConnections) (open \(self.openConnections), upgraded \(self.upgrades)), "
            + "rejected \(self.rejectedRequests), health checks \(self.healthChecks), "
            + "messages echoed \(self.messagesEchoed), bytes echoed \(self.bytesEchoed)"
    }
}
