/// What `wsprobe probe idle` found: the idle cutoff, how the peer closed, which heartbeats kept the path open.
///
/// The `idle` member of ``ProbeDetails`` in a result of kind `probe-idle`; the `--expect-cutoff` verdict is the
/// result's `idle.expectation` check.
package struct IdleProbeDetails: Sendable, Hashable, Codable {
    /// The URL probed (secrets redacted).
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
    /// The `--expect-cutoff` expectation, when one was given.
    package var expectation: IdleProbeExpectation?
    /// Whether the cutoff met ``expectation``; nil without one.
    package var expectationMet: Bool?
    /// Wall time of the whole probe.
    package var durationSeconds: Double
    /// Wall time of the silent batch (about one cutoff, or `--max` when nothing closes).
    package var silentPhaseSeconds: Double
    /// Wall time of the keep-alive batch (about 1.5 cutoffs; 0 when it did not run).
    package var keepAlivePhaseSeconds: Double

    package init(
        url: String,
        target: String? = nil,
        maximumSeconds: Double,
        resolutionSeconds: Double,
        parallel: Int,
        silentClosed: Int,
        cutoffSeconds: Double? = nil,
        latestCloseSeconds: Double? = nil,
        closure: IdleProbeClosure? = nil,
        keepAlive: [IdleProbeKeepAlive] = [],
        safeHeartbeatSeconds: Double? = nil,
        advice: String = "",
        failures: [String] = [],
        expectation: IdleProbeExpectation? = nil,
        expectationMet: Bool? = nil,
        durationSeconds: Double = 0,
        silentPhaseSeconds: Double = 0,
        keepAlivePhaseSeconds: Double = 0
    ) {
        self.url = url
        self.target = target
        self.maximumSeconds = maximumSeconds
        self.resolutionSeconds = resolutionSeconds
        self.parallel = parallel
        self.silentClosed = silentClosed
        self.cutoffSeconds = cutoffSeconds
        self.latestCloseSeconds = latestCloseSeconds
        self.closure = closure
        self.keepAlive = keepAlive
        self.safeHeartbeatSeconds = safeHeartbeatSeconds
        self.advice = advice
        self.failures = failures
        self.expectation = expectation
        self.expectationMet = expectationMet
        self.durationSeconds = durationSeconds
        self.silentPhaseSeconds = silentPhaseSeconds
        self.keepAlivePhaseSeconds = keepAlivePhaseSeconds
    }

    /// The cutoff rounded to the resolution.
    package var roundedCutoffSeconds: Double? {
        self.cutoffSeconds.map { cutoff in
            self.resolutionSeconds > 0 ? (cutoff / self.resolutionSeconds).rounded() * self.resolutionSeconds : cutoff
        }
    }

    /// Heartbeat modes that kept the tunnel open.
    package var keepingModes: [IdleProbeMode] {
        self.keepAlive.filter { $0.keptOpen == true }.map(\.mode)
    }
}
