/// Closed model: hold a population of connections, ramped in stages, optionally churned.
package struct ClosedLoad: Sendable, Hashable {
    /// One ramp stage: move linearly from the previous stage's target to `target` over `duration`.
    package struct Stage: Sendable, Hashable {
        package var duration: Duration
        package var target: Int

        package init(duration: Duration, target: Int) {
            self.duration = duration
            self.target = target
        }
    }

    /// The peak number of concurrent connections (default 1).
    package var connections: Int
    /// The whole population plan, starting from 0 connections. When the file gives `connections` (with
    /// optional `rampUp`, `hold`, `rampDown`) instead of `stages`, the loader builds the plan: a ramp to
    /// `connections` over `rampUp` (0 s: all at once), a flat stage of `hold`, a ramp to 0 over `rampDown`.
    /// After the last stage the population stays at its target until `Scenario.duration` ends (or, with no
    /// duration, until every connection has finished its steps).
    package var stages: [Stage]
    package var churn: Churn?
    package var messages: MessageRate?

    package init(
        connections: Int = 1,
        stages: [Stage] = [],
        churn: Churn? = nil,
        messages: MessageRate? = nil
    ) {
        self.connections = connections
        self.stages = stages
        self.churn = churn
        self.messages = messages
    }
}
