/// What only a `check` run has: the timing of each phase of its one connection and its echo round trips.
package struct CheckDetails: Sendable, Hashable, Codable {
    /// Phases in the order they happened.
    package var phases: [PhaseTiming]
    /// Round trip of each echoed message in milliseconds, in send order.
    package var echoRoundTripsMilliseconds: [Double]

    package init(phases: [PhaseTiming] = [], echoRoundTripsMilliseconds: [Double] = []) {
        self.phases = phases
        self.echoRoundTripsMilliseconds = echoRoundTripsMilliseconds
    }
}
