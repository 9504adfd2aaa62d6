package import RunResults

/// The console text of a `wsprobe probe` result, rendered from the ``RunResult`` alone: what `probe idle`,
/// `probe deflate` and `probe rate` print, and what `wsprobe report` prints for their `report.json`.
package enum ProbeConsole {
    /// The probe's text (no trailing newline), or `nil` when the result carries no probe findings.
    package static func text(_ result: RunResult) -> String? {
        if let idle = result.probe?.idle { return IdleProbeConsole.text(idle) }
        if let deflate = result.probe?.deflate { return DeflateProbeConsole.text(deflate, verdict: result.verdict) }
        if let rate = result.probe?.rate { return RateSearchConsole.text(rate) }
        return nil
    }
}
