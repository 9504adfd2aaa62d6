import Foundation

extension IdleProbeResult {
    /// The result as text for a terminal.
    package func consoleText() -> String {
        var lines = ["wsprobe probe idle \(self.url)"]
        if let target = self.target { lines.append("  target:         \(target)") }
        lines.append("  idle cutoff:    " + self.cutoffLine)
        if let closure = self.closure {
            let who = closure.closeFrame ? "the peer (server or proxy) sent " : "the peer (server or proxy): "
            lines.append("  closed by:      \(who)\(closure.summary)")
        }
        if let first = self.keepAlive.first {
            lines.append(
                "  keep-alive:     heartbeat every \(IdleProbeFormat.seconds(first.intervalSeconds)),"
                    + " held \(IdleProbeFormat.seconds(first.holdSeconds))"
            )
            for entry in self.keepAlive { lines.append("    " + Self.keepAliveLine(entry)) }
        }
        if let safe = self.safeHeartbeatSeconds {
            lines.append("  safe heartbeat: ≤ \(IdleProbeFormat.seconds(safe))")
        }
        lines.append("  advice:         \(self.advice)")
        if let expectation = self.expectation {
            let met = self.expectationMet == true ? "met" : "NOT met"
            lines.append("  expectation:    cutoff \(expectation.text): \(met)")
        }
        for failure in Set(self.failures).sorted() { lines.append("  failure:        \(failure)") }
        lines.append("  probe took \(IdleProbeFormat.seconds(self.durationSeconds))")
        return lines.joined(separator: "\n")
    }

    private var cutoffLine: String {
        guard let cutoff = self.cutoffSeconds, let rounded = self.roundedCutoffSeconds else {
            return "no idle cutoff up to \(IdleProbeFormat.seconds(self.maximumSeconds))"
                + " (\(self.parallel) silent connections stayed open)"
        }
        let spread =
            self.latestCloseSeconds.map { last in
                last > cutoff
                    ? "between \(IdleProbeFormat.seconds(cutoff)) and \(IdleProbeFormat.seconds(last))"
                    : "at \(IdleProbeFormat.seconds(cutoff))"
            } ?? ""
        return "\(IdleProbeFormat.seconds(cutoff)) (≈ \(IdleProbeFormat.seconds(rounded)) at"
            + " \(IdleProbeFormat.seconds(self.resolutionSeconds)) resolution); \(self.silentClosed) of"
            + " \(self.parallel) silent connections closed \(spread) after their last byte"
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
