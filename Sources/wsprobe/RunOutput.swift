import Foundation

/// The output folder of `wsprobe run`: created up front so an unwritable folder fails before any load.
enum RunOutput {
    /// Creates `path` (or `reports/<scenario>/<UTC timestamp>/`) and checks it is writable.
    /// - Throws: `CommandFailure` with status 3 when it cannot be created or written.
    static func prepare(_ path: String?, scenario: String) throws -> URL {
        let folder: URL
        if let path {
            folder = URL(fileURLWithPath: path, isDirectory: true)
        } else {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
            let safe = String(scenario.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
            folder = URL(fileURLWithPath: "reports", isDirectory: true)
                .appendingPathComponent(safe.isEmpty ? "scenario" : safe)
                .appendingPathComponent(formatter.string(from: Date()))
        }
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
