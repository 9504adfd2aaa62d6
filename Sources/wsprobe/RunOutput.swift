import Foundation
import Reports

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
}
