/// Something that happens to one target during a run, at a time relative to the run's start.
package struct ALBEvent: Sendable, Hashable {
    /// What happens to the target.
    package enum Action: String, Sendable, Hashable {
        /// Its echo server stops: WebSockets are closed with 1001 (going away), and the ALB stops choosing it.
        case drain
        /// Its connections are aborted (TCP close, clients see 1006), and the ALB stops choosing it.
        case stop
        /// It starts again (a new echo server) and the ALB chooses it again.
        case start
    }

    /// Time since the start of the run.
    package var at: Duration
    /// The target's id.
    package var target: String
    package var action: Action

    package init(at: Duration, target: String, action: Action) {
        self.at = at
        self.target = target
        self.action = action
    }
}
