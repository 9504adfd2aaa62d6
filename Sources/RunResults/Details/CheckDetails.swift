/// What only a `check` run has: the timing of each phase of its one connection and its echo round trips.
package struct CheckDetails: Sendable, Hashable, Codable {
    /// Phases in the order they happened.
    package var phases: [PhaseTiming]
    /// Round trip of each echoed message in milliseconds, in send order.
    package var echoRoundTripsMilliseconds: [Double]
    /// Messages the server sent on its own (a greeting, a broadcast), not taken for echoes; `nil` when none
    /// came and in older reports.
    package var unsolicitedMessages: Int?

    package init(phases: [PhaseTiming] = [], echoRoundTripsMilliseconds: [Double] = [], unsolicitedMessages: Int? = nil)
    {
        self.phases = phases
        self.echoRoundTripsMilliseconds = echoRoundTripsMilliseconds
        self.unsolicitedMessages = unsolicitedMessages
    }
}
