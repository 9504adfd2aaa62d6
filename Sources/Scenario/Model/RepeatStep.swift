/// Run nested steps several times, or again and again for a while.
package struct RepeatStep: Sendable, Hashable {
    /// How long the block repeats.
    package enum Limit: Sendable, Hashable {
        case times(Int)
        /// Repeat whole iterations until this much time has passed since the block started.
        case duration(Duration)
        /// Until the connection's lifetime or the run ends.
        case forever
    }

    package var limit: Limit
    package var steps: [Step]

    package init(limit: Limit, steps: [Step]) {
        self.limit = limit
        self.steps = steps
    }
}
