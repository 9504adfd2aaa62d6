import Foundation
import RunResults

extension HTMLReportModel {
    /// A probe's findings as the page shows them: facts as a key-value table, then one row per heartbeat mode,
    /// offer or step.
    struct ProbeSection {
        struct Row {
            let cells: [String]
        }

        let title: String
        let facts: [Pair]
        let columns: [String]
        let rows: [Row]
        let hasRows: Bool

        init(title: String, facts: [Pair], columns: [String], rows: [[String]]) {
            self.title = title
            self.facts = facts
            self.columns = columns
            self.rows = rows.map(Row.init)
            self.hasRows = !rows.isEmpty
        }
    }

    /// The section of the result's probe findings; none for `check` and `run`.
    static func probeSections(_ result: RunResult) -> [ProbeSection] {
        switch result.probe {
        case .idle(let idle): [Self.idleSection(idle)]
        case .deflate(let deflate): [Self.deflateSection(deflate)]
        case .rate(let rate): [Self.rateSection(rate)]
        case nil: []
        }
    }

    private static func idleSection(_ idle: IdleProbeDetails) -> ProbeSection {
        let seconds: (Double) -> String = IdleProbeFormat.seconds
        var facts = [Pair(name: "URL", value: idle.url)]
        if let target = idle.target { facts.append(Pair(name: "Target", value: target)) }
        facts.append(
            Pair(
                name: "Idle cutoff",
                value: idle.cutoffSeconds.map { cutoff in
                    seconds(cutoff) + (idle.latestCloseSeconds.map { $0 > cutoff ? " to \(seconds($0))" : "" } ?? "")
                        + " (\(idle.silentClosed) of \(idle.parallel) silent connections closed)"
                } ?? "none up to \(seconds(idle.maximumSeconds))"
            )
        )
        if let closure = idle.closure { facts.append(Pair(name: "Closed by", value: closure.summary)) }
        if let safe = idle.safeHeartbeatSeconds {
            facts.append(Pair(name: "Safe heartbeat", value: "≤ " + seconds(safe)))
        }
        facts.append(Pair(name: "Advice", value: idle.advice))
        if let expectation = idle.expectation {
            facts.append(
                Pair(
                    name: "Expected cutoff",
                    value: expectation.text + (idle.expectationMet == true ? ": met" : ": NOT met")
                )
            )
        }
        for failure in Set(idle.failures).sorted() { facts.append(Pair(name: "Failure", value: failure)) }
        facts.append(Pair(name: "Probe took", value: seconds(idle.durationSeconds)))
        let rows = idle.keepAlive.map { entry -> [String] in
            let outcome =
                switch entry.keptOpen {
                case .some(true): "kept open"
                case .some(false): "closed" + (entry.closedAfterSeconds.map { " after \(seconds($0))" } ?? "")
                case .none: "not tested"
                }
            return [
                entry.mode.rawValue, outcome, seconds(entry.intervalSeconds), seconds(entry.holdSeconds),
                String(entry.heartbeatsSent), String(entry.repliesReceived),
                entry.closure?.summary ?? entry.failure ?? "",
            ]
        }
        return ProbeSection(
            title: "Idle probe",
            facts: facts,
            columns: ["Heartbeat", "Result", "Every", "Held", "Sent", "Replies", "Closure or failure"],
            rows: rows
        )
    }

    private static func deflateSection(_ deflate: DeflateProbeDetails) -> ProbeSection {
        var facts = [Pair(name: "URL", value: deflate.url)]
        if let note = deflate.targetNote { facts.append(Pair(name: "Target", value: note)) }
        if deflate.insecure { facts.append(Pair(name: "TLS", value: "--insecure: certificate verification is OFF")) }
        let rows = deflate.rows.map { row -> [String] in
            [
                row.offer, row.answer.rawValue, row.response ?? "",
                row.upgradeMilliseconds.map { ReportFormat.duration(milliseconds: $0) } ?? "",
                row.echoBytes.map(DeflateProbeConsole.wire) ?? "",
                row.failure.map { "\($0.phase) [\($0.code)]: \($0.message)" } ?? "",
            ]
        }
        return ProbeSection(
            title: "Deflate probe",
            facts: facts,
            columns: ["Offer", "Answer", "Response", "Upgrade", "Echo bytes", "Failure"],
            rows: rows
        )
    }

    private static func rateSection(_ rate: RateSearchDetails) -> ProbeSection {
        let facts = [
            Pair(name: "Scenario", value: rate.scenario),
            Pair(name: "Target", value: rate.target),
            Pair(name: "Rates tried", value: "\(rate.fromRate)/s to \(rate.toRate)/s, \(rate.stepSeconds) s per step"),
            Pair(name: "Highest passing rate", value: rate.highestPassingRate.map { "\($0)/s" } ?? "none"),
            Pair(name: "Conclusion", value: rate.conclusion),
        ]
        let rows = rate.steps.map { step -> [String] in
            [
                "\(step.rate)/s", step.passed ? "passed" : "failed", String(step.sent), String(step.received),
                String(step.lost), String(step.errors),
                step.p50Microseconds.map { ReportFormat.duration(micros: $0) } ?? "",
                step.p99Microseconds.map { ReportFormat.duration(micros: $0) } ?? "",
                (step.failedThresholds + (step.nothingMeasured.map { ["nothing measured: \($0)"] } ?? []))
                    .joined(separator: "; "),
            ]
        }
        return ProbeSection(
            title: "Rate search",
            facts: facts,
            columns: ["Rate", "Result", "Sent", "Received", "Lost", "Errors", "RTT p50", "RTT p99", "Why it failed"],
            rows: rows
        )
    }
}
