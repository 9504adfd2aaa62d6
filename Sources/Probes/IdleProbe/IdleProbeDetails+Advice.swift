package import RunResults

extension IdleProbeDetails {
    /// Heartbeat modes whose keep-alive connection opened and so were tested, in report order.
    package var testedModes: [IdleProbeMode] {
        self.keepAlive.filter { $0.keptOpen != nil }.map(\.mode)
    }

    /// Heartbeat modes that were not tested: not asked for with `--modes`, or their connection never opened.
    package var untestedModes: [IdleProbeMode] {
        IdleProbeMode.heartbeats.filter { !self.testedModes.contains($0) }
    }

    /// Sets the safe heartbeat interval and the advice sentence from the cutoff and the modes that were
    /// tested; untested modes are named and never counted as failing.
    package mutating func advise() {
        let maximum = IdleProbeFormat.seconds(self.maximumSeconds)
        guard let cutoff = self.cutoffSeconds else {
            self.advice =
                "No idle cutoff up to \(maximum): silent connections stayed open that long, so no"
                + " heartbeat is needed below \(maximum); probe with a larger --max if the real timeout is longer."
            return
        }
        if cutoff < IdleProbeAnalysis.immediateCloseSeconds {
            let how = self.closure?.summary ?? "a close"
            self.advice =
                "The peer closed silent connections \(IdleProbeFormat.seconds(cutoff)) after the upgrade with \(how):"
                + " that is a refusal, not an idle timeout; check the close code and `wsprobe check`."
            return
        }
        let safe = IdleProbeAnalysis.safeHeartbeat(cutoff: cutoff, resolution: self.resolutionSeconds)
        let why =
            "half the \(IdleProbeFormat.seconds(cutoff)) cutoff rounded down, so a late or lost heartbeat"
            + " still lands before the idle timer fires; an interval equal to the cutoff races the timer"
        let keeping = self.keepingModes
        let tested = self.testedModes
        let untested = Self.list(self.untestedModes, conjunction: "and")
        if tested.isEmpty {
            self.safeHeartbeatSeconds = safe
            self.advice =
                "Send a heartbeat that resets the idle timer at most every \(IdleProbeFormat.seconds(safe))"
                + " (\(why)); no heartbeat mode was tested (--modes none,ping,pong,data shows which ones do)."
        } else if keeping.isEmpty, !self.untestedModes.isEmpty {
            self.advice =
                "No tested heartbeat (\(Self.list(tested, conjunction: "or"))) kept the tunnel open past"
                + " \(IdleProbeFormat.seconds(cutoff)); \(untested) \(self.untestedModes.count == 1 ? "was" : "were")"
                + " not tested: probe with --modes none,ping,pong,data before concluding that the path closes"
                + " connections regardless of traffic."
        } else if keeping.isEmpty {
            self.advice =
                "No heartbeat kept the tunnel open past \(IdleProbeFormat.seconds(cutoff)): the path closes"
                + " connections regardless of traffic (a maximum connection age rather than an idle timeout?);"
                + " plan to reconnect before \(IdleProbeFormat.seconds(cutoff))."
        } else {
            self.safeHeartbeatSeconds = safe
            let failing = self.keepAlive.filter { $0.keptOpen == false }.map(\.mode)
            self.advice =
                "Send a \(Self.list(keeping, conjunction: "or")) heartbeat at most every"
                + " \(IdleProbeFormat.seconds(safe)) (\(why))."
                + (failing.isEmpty
                    ? "" : " \(Self.list(failing, conjunction: "and")) frames do not reset this path's timer.")
                + (self.untestedModes.isEmpty ? "" : " \(untested) not tested.")
        }
    }

    /// `ping`, `ping and pong`, `ping, pong and data`.
    private static func list(_ modes: [IdleProbeMode], conjunction: String) -> String {
        let names = modes.map(\.rawValue)
        guard let last = names.last else { return "" }
        guard names.count > 1 else { return last }
        return names.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}
