package import RunResults

/// The console text of a `wsprobe probe` result, rendered from the ``RunResult`` alone: what `probe idle`,
/// `probe deflate` and `probe rate` print, and what `wsprobe report` prints for their `report.json`.
package enum ProbeConsole {
    /// The probe's text (no trailing newline), or `nil` when the result carries no probe findings.
    package static func text(_ result: RunResult) -> String? {
        switch result.probe {
        case .idle(let idle): IdleProbeConsole.text(idle)
        case .deflate(let deflate): DeflateProbeConsole.text(deflate, verdict: result.verdict)
        case .rate(let rate): RateSearchConsole.text(rate)
        case nil: nil
        }
    }
}
