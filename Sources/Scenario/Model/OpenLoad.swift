/// Open model: new connections arrive at a rate, independent of how fast earlier ones finish.
package struct OpenLoad: Sendable, Hashable {
    /// One stage: move the arrival rate linearly from the previous stage's rate to `target`.
    package struct Stage: Sendable, Hashable {
        package var duration: Duration
        package var target: Rate

        package init(duration: Duration, target: Rate) {
            self.duration = duration
            self.target = target
        }
    }

    /// Arrival-rate stages; `arrivalRate: 50/s` with `duration` becomes one constant stage.
    package var stages: [Stage]
    /// The rate at the start, before the first stage (default: the first stage's target, i.e. constant).
    package var startRate: Rate
    /// Cap on concurrent connections so a slow target cannot exhaust descriptors; `nil` = no cap.
    package var maxConnections: Int?
    /// How arrivals are spaced (default constant).
    package var spacing: Spacing
    package var messages: MessageRate?

    package init(
        stages: [Stage],
        startRate: Rate,
        maxConnections: Int? = nil,
        spacing: Spacing = .constant,
        messages: MessageRate? = nil
    ) {
        self.stages = stages
        self.startRate = startRate
        self.maxConnections = maxConnections
        self.spacing = spacing
        self.messages = messages
    }
}
