import ALBEmulator
import Foundation
import LoadRunner
import Reports
import ResultCodes
import Scenario
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
                code: .outputUnwritable,
                message: "the output folder \(folder.path) is not writable: \(error.localizedDescription)"
            )
        }
        return folder
    }

    /// Descriptors kept back for the listener, files and event loops.
    static let reservedDescriptors: UInt64 = 64

    /// Checks that the open-files hard limit leaves room for the run's connections. Each connection costs one
    /// descriptor, and with wsprobe's own targets in this process more: `descriptorsPerConnection` is 2 with
    /// the embedded echo target (its side of the connection) and 4 behind the ALB emulation (ALB front, ALB to
    /// target, target). A closed model that cannot hold its connections is refused; the open model's peak is
    /// only an estimate (or a safety cap), so it gets a warning.
    /// - Throws: `CommandFailure` with status 3 (`limits.open-files`) for a closed model over the limit.
    static func checkFileLimit(
        _ limit: FileLimit,
        plan: RunPlan,
        descriptorsPerConnection: Int
    ) throws(CommandFailure) {
        let peak = UInt64(max(0, plan.peakConnections))
        let needed = peak * UInt64(max(1, descriptorsPerConnection)) + Self.reservedDescriptors
        guard limit.hard < needed else { return }
        let ownTargets =
            descriptorsPerConnection > 1 ? " (\(descriptorsPerConnection) each with the embedded targets)" : ""
        let what =
            "the open-files hard limit (\(limit.hard)) is below the \(needed) descriptors that \(peak) connections"
            + "\(ownTargets) need"
        if case .closed = plan.load {
            throw CommandFailure(
                status: .couldNotStart,
                code: .limitsOpenFiles,
                message: "\(what): the run could not reach its connection count. Raise the limit (ulimit -Hn), "
                    + "lower load.connections, or split the run with --shard i/N over several processes."
            )
        }
        printError("warning: \(what) if all \(peak) are open at once; raise it (ulimit -Hn).")
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
