package import Foundation

extension RunResult {
    /// The result of a `wsprobe probe` command: its findings in ``probe``, its checks derived from them, and its
    /// verdict by the same rule as `check` and `run` (``Verdict/derive``): `error` when the probe measured
    /// nothing, `failed` when a check failed.
    ///
    /// The kind follows the member of `details` that is set; probes carry no load metrics.
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
        if let rate = details.rate {
            (kind, name, checks) = (.probeRate, rate.scenario, rate.checks)
            errorReason = rate.nothingMeasured
            interrupted = rate.interrupted
        } else if let deflate = details.deflate {
            (kind, name, checks) = (.probeDeflate, "probe-deflate", deflate.checks)
            errorReason = deflate.nothingMeasured
        } else {
            (kind, name, checks) = (.probeIdle, "probe-idle", details.idle?.checks ?? [])
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
