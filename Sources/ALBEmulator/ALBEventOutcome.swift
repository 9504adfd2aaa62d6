package import Scenario

/// What became of one scheduled event: when it was carried out, relative to the run's start, and how.
package struct ALBEventOutcome: Sendable, Hashable {
    package var event: EmbeddedTargets.Event
    /// When the event was carried out, since the run's start.
    package var performedAt: Duration
    /// Why it failed (e.g. a target that could not restart); nil when it succeeded.
    package var failure: String?

    package init(event: EmbeddedTargets.Event, performedAt: Duration, failure: String? = nil) {
        self.event = event
        self.performedAt = performedAt
        self.failure = failure
    }
}
