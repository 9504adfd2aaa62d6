/// Reconnect delays: truncated exponential backoff with a random first delay (RFC 6455 §7.2.3).
package struct Backoff: Sendable, Hashable {
    /// The first delay (default 100 ms); doubled per failed attempt.
    package var min: Duration
    /// The cap (default 10 s).
    package var max: Duration
    /// Random spread applied to each delay as a fraction (default 0.5, i.e. ±50 %), so clients dropped
    /// together do not reconnect together.
    package var jitter: Double
    /// Give up after this many attempts; `nil` never gives up.
    package var maxAttempts: Int?

    package init(
        min: Duration = .milliseconds(100),
        max: Duration = .seconds(10),
        jitter: Double = 0.5,
        maxAttempts: Int? = nil
    ) {
        self.min = min
        self.max = max
        self.jitter = jitter
        self.maxAttempts = maxAttempts
    }
}
