import Foundation
import Reports
import ResultCodes
import RunResults

/// Shared plumbing of `report`, `merge` and `compare`: reading result files, writing formats,
/// printing errors with their stable code, and the exit statuses of docs/exit-codes.md.
enum ReportOutput {
    /// docs/exit-codes.md: 0 passed, 1 failed gate, 2 invalid input, 3 could not write.
    static let passed: Int32 = 0
    static let failed: Int32 = 1
    static let invalidInput: Int32 = 2
    static let couldNotStart: Int32 = 3

    /// Whether standard output is a terminal that wants colour (`NO_COLOR` turns it off).
    static var colors: Bool {
        isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Loads every path, or prints the first problem (with its code) and returns `nil`.
    static func load(_ paths: [String]) -> [RunResult]? {
        var results: [RunResult] = []
        for path in paths {
            do {
                results.append(try RunResult.load(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                Self.printError(error.description)
                return nil
            }
        }
        return results
    }

    /// Renders `result` with `writer` into `path`, creating folders; prints the problem and returns
    /// `false` on failure.
    static func write(_ result: RunResult, with writer: any ReportWriter, to path: String) -> Bool {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try writer.write(result, to: url)
            return true
        } catch {
            Self.printError(
                "\(path): error[\(ErrorCode.outputWrite)]: cannot write the report: \(error.localizedDescription)"
            )
            return false
        }
    }

    static func printError(_ message: String) {
        wsprobe.printError("wsprobe: " + message)
    }
}
