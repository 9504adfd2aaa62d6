import Foundation
import Reports
import RunResults

/// A probe's findings as the `wsprobe probe` commands print them: the console view and the JSON of the
/// `RunResult` the command builds.
enum ProbeResultText {
    static func result(_ details: ProbeDetails) -> RunResult {
        RunResult(
            probe: details,
            commandLine: ["wsprobe", "probe"],
            toolVersion: "test",
            startedAt: Date(),
            endedAt: Date()
        )
    }

    static func console(_ details: ProbeDetails) -> String {
        ProbeConsole.text(Self.result(details)) ?? ""
    }

    static func json(_ details: ProbeDetails) throws -> String {
        String(decoding: try Self.result(details).jsonData(), as: UTF8.self)
    }
}

extension IdleProbeDetails {
    /// What `wsprobe probe idle` prints for these findings.
    func consoleText() -> String { ProbeResultText.console(ProbeDetails(idle: self)) }
}

extension DeflateProbeDetails {
    /// What `wsprobe probe deflate` prints for these findings.
    func consoleText() -> String { ProbeResultText.console(ProbeDetails(deflate: self)) }
}
