package import Foundation

extension RunResult {
    /// The result of a `wsprobe probe` command: its findings in ``probe``, its checks derived from them, and its
    /// verdict by the same rule as `check` and `run` (``Verdict/derive``): `error` when the probe measured
    /// nothing, `failed` when a check failed.
    ///
    /// The kind follows the probe of `details`; probes carry no load metrics.
    package init(
        probe details: ProbeDetails,
        commandLine: [String],
        toolVersion: String,
        startedAt: Date,
        endedAt: Date
    ) {
        let kind: RunKind
        let name: String
        let checks: [CheckOutcome]
        var errorReason: String?
        var interrupted = false
        switch details {
        case .idle(let idle):
            (kind, name, checks) = (.probeIdle, "probe-idle", idle.checks)
        case .deflate(let deflate):
            (kind, name, checks) = (.probeDeflate, "probe-deflate", deflate.checks)
            errorReason = deflate.nothingMeasured
        case .rate(let rate):
            (kind, name, checks) = (.probeRate, rate.scenario, rate.checks)
            errorReason = rate.nothingMeasured
            interrupted = rate.interrupted
        }
        self.init(
            tool: ToolInfo(version: toolVersion),
            commandLine: commandLine,
            kind: kind,
            scenarioName: name,
            environment: .current(
                startedAt: startedAt,
                endedAt: endedAt,
                durationSeconds: endedAt.timeIntervalSince(startedAt)
            ),
            checks: checks,
            errorReason: errorReason,
            interrupted: interrupted,
            probe: details
        )
    }
}
