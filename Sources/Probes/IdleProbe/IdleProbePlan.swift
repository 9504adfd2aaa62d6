package import NIOCore
package import RunResults
package import WSTransport

/// What `wsprobe probe idle` does: how to connect, how long to wait at most, and which heartbeats to try.
package struct IdleProbePlan: Sendable {
    /// How each probe connection is opened.
    package var connect: ConnectOptions
    /// The longest a silent connection is held; no closure by then means "no idle cutoff up to this". 120 s by
    /// default: above the IONOS (50 s), AWS (60 s) and nginx (60 s) defaults.
    package var maximum: TimeAmount = .seconds(120)
    /// The precision the cutoff is reported at, the default tolerance of an expectation, and the step the safe
    /// heartbeat interval is rounded down to. 1 s by default.
    package var resolution: TimeAmount = .seconds(1)
    /// The modes to report; `none` (the silent baseline) always runs because it finds the cutoff.
    package var modes: [IdleProbeMode] = IdleProbeMode.allCases
    /// Silent connections opened at once (default 8): their first closure is the cutoff, their spread shows how
    /// precise the peer's timer is.
    package var parallel = 8
    /// A sentence naming the target when wsprobe started it itself, shown in the output.
    package var targetNote: String?
    /// The cutoff the user expects, checked after the probe.
    package var expectation: IdleProbeExpectation?

    package init(connect: ConnectOptions) {
        self.connect = connect
    }
}
