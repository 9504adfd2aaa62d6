import Foundation
import RunResults

/// `wsprobe probe idle`'s text: the cutoff, who closed, each heartbeat mode, the advice and the expectation.
enum IdleProbeConsole {
    static func text(_ details: IdleProbeDetails) -> String {
        var lines = ["wsprobe probe idle \(details.url)"]
        if let target = details.target { lines.append("  target:         \(target)") }
        lines.append("  idle cutoff:    " + Self.cutoffLine(details))
        if let closure = details.closure {
            let who = closure.closeFrame ? "the peer (server or proxy) sent " : "the peer (server or proxy): "
            lines.append("  closed by:      \(who)\(closure.summary)")
        }
        if let first = details.keepAlive.first {
            lines.append(
                "  keep-alive:     heartbeat every \(IdleProbeFormat.seconds(first.intervalSeconds)),"
                    + " held \(IdleProbeFormat.seconds(first.holdSeconds))"
            )
            for entry in details.keepAlive { lines.append("    " + Self.keepAliveLine(entry)) }
        }
        if let safe = details.safeHeartbeatSeconds {
            lines.append("  safe heartbeat: ≤ \(IdleProbeFormat.seconds(safe))")
        }
        lines.append("  advice:         \(details.advice)")
        if let expectation = details.expectation {
            let met = details.expectationMet == true ? "met" : "NOT met"
            lines.append("  expectation:    cutoff \(expectation.text): \(met)")
        }
        for failure in Set(details.failures).sorted() { lines.append("  failure:        \(failure)") }
        lines.append("  probe took \(IdleProbeFormat.seconds(details.durationSeconds))")
        return lines.joined(separator: "\n")
    }

    private static func cutoffLine(_ details: IdleProbeDetails) -> String {
        guard let cutoff = details.cutoffSeconds, let rounded = details.roundedCutoffSeconds else {
            return "no idle cutoff up to \(IdleProbeFormat.seconds(details.maximumSeconds))"
                + " (\(details.parallel) silent connections stayed open)"
        }
        let spread =
            details.latestCloseSeconds.map { last in
                last > cutoff
                    ? "between \(IdleProbeFormat.seconds(cutoff)) and \(IdleProbeFormat.seconds(last))"
                    : "at \(IdleProbeFormat.seconds(cutoff))"
            } ?? ""
        return "\(IdleProbeFormat.seconds(cutoff)) (≈ \(IdleProbeFormat.seconds(rounded)) at"
            + " \(IdleProbeFormat.seconds(details.resolutionSeconds)) resolution); \(details.silentClosed) of"
            + " \(details.parallel) silent connections closed \(spread) after their last byte"
    }

    private static func keepAliveLine(_ entry: IdleProbeKeepAlive) -> String {
        let name = entry.mode.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0)
        let counts = "(\(entry.heartbeatsSent) sent, \(entry.repliesReceived) replies)"
        switch entry.keptOpen {
        case .some(true):
            return "\(name) kept open \(counts)"
        case .some(false):
            let when = entry.closedAfterSeconds.map { " after \(IdleProbeFormat.seconds($0))" } ?? ""
            let how = entry.closure.map { ": \($0.summary)" } ?? (entry.failure.map { ": \($0)" } ?? "")
            return "\(name) closed\(when)\(how) \(counts)"
        case .none:
            return "\(name) not tested: \(entry.failure ?? "the connection did not open")"
        }
    }
}
