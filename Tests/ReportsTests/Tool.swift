import Foundation
import TestSupport
import Testing

/// Runs external tools (python3, xmllint, chromium) for the validation tests.
enum Tool {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The full path of `name` on `PATH`, or `nil`.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `executable` with `arguments`, waiting at most `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], timeout: Double = 60) throws -> Output {
        do {
            let run = try ChildProcess.runBlocking(executable, arguments, timeout: .seconds(timeout))
            return Output(status: run.status, stdout: run.outputText, stderr: run.error)
        } catch .timedOut {
            return Output(status: -1, stdout: "", stderr: "\(executable) timed out after \(timeout) s")
        }
    }

    /// A temporary directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wsprobe-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
