/// The outcome of `wsprobe probe idle`, for the console and `--json`.
package struct IdleProbeResult: Sendable, Hashable, Codable {
    package var url: String
    /// Set when wsprobe probed its own embedded target.
    package var target: String?
    package var maximumSeconds: Double
    package var resolutionSeconds: Double
    /// Silent connections opened.
    package var parallel: Int
    /// Silent connections the peer closed before the probe stopped them.
    package var silentClosed: Int
    /// The shortest idle time at which the peer closed a silent connection; nil: no cutoff up to the maximum.
    package var cutoffSeconds: Double?
    /// The longest such idle time (the spread shows the peer timer's precision).
    package var latestCloseSeconds: Double?
    /// How the first silent connection was closed.
    package var closure: IdleProbeClosure?
    /// One entry per heartbeat mode tried.
    package var keepAlive: [IdleProbeKeepAlive]
    /// The recommended heartbeat interval; nil when no cutoff was found or no heartbeat kept the tunnel open.
    package var safeHeartbeatSeconds: Double?
    /// The recommendation in words.
    package var advice: String
    /// Connect failures and protocol errors seen, `code: sentence`.
    package var failures: [String]
    package var expectation: IdleProbeExpectation?
    package var expectationMet: Bool?
    /// Wall time of the whole probe.
    package var durationSeconds: Double
    /// Wall time of the silent batch (about one cutoff, or `--max` when nothing closes).
    package var silentPhaseSeconds: Double = 0
    /// Wall time of the keep-alive batch (about 1.5 cutoffs; 0 when it did not run).
    package var keepAlivePhaseSeconds: Double = 0

    /// The cutoff rounded to the resolution.
    package var roundedCutoffSeconds: Double? {
        self.cutoffSeconds.map { IdleProbeAnalysis.rounded($0, resolution: self.resolutionSeconds) }
    }

    /// Heartbeat modes that kept the tunnel open.
    package var keepingModes: [IdleProbeMode] {
        self.keepAlive.filter { $0.keptOpen == true }.map(\.mode)
    }
}
