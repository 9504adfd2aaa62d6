import Foundation
import Reports
import WSTransport

/// The output folder of `wsprobe run`: created up front so an unwritable folder fails before any load.
enum RunOutput {
    /// Creates `path` (or `reports/<scenario>/<UTC timestamp>/`) and checks it is writable.
    /// - Throws: `CommandFailure` with status 3 when it cannot be created or written.
    static func prepare(_ path: String?, scenario: String) throws -> URL {
        let folder =
            path.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? ReportBundle.defaultFolder(
                root: URL(fileURLWithPath: "reports", isDirectory: true),
                scenarioName: scenario,
                startedAt: Date()
            )
        let probe = folder.appendingPathComponent(".wsprobe-write-test")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data().write(to: probe)
            try? FileManager.default.removeItem(at: probe)
        } catch {
            throw CommandFailure(
                status: .couldNotStart,
                code: "output.unwritable",
                message: "the output folder \(folder.path) is not writable: \(error.localizedDescription)"
            )
        }
        return folder
    }

    /// One line per embedded ALB event carried out, e.g. `event: drain a at 10.002s (scheduled 10s)`.
    static func eventLine(_ outcome: ALBEventOutcome) -> String {
        let actual =
            Double(outcome.performedAt.components.seconds)
            + Double(outcome.performedAt.components.attoseconds) / 1e18
        let scheduled =
            Double(outcome.event.at.components.seconds)
            + Double(outcome.event.at.components.attoseconds) / 1e18
        let failure = outcome.failure.map { " failed: \($0)" } ?? ""
        return "event: \(outcome.event.action.rawValue) \(outcome.event.target) at "
            + String(format: "%.3fs (scheduled %gs)", actual, scheduled) + failure
    }
}
