import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a short helper command (such as `tls_request.py` or `openssl`) to completion with a bound.
package enum PeerCommand {
    /// What a command printed and how it ended.
    package struct Result: Sendable {
        package var status: Int32
        package var output: [UInt8]
        package var error: String
    }

    /// Runs `executable` with `arguments`, killing it after `timeout` (10 s by default).
    ///
    /// - Throws: `PeerError.timedOut` when it had to be killed, or Foundation's launch error.
    package static func run(
        _ executable: String,
        _ arguments: [String],
        input: [UInt8] = [],
        timeout: Duration = .seconds(10)
    ) async throws -> Result {
        let directory = try PeerFiles.makeTemporaryDirectory(prefix: "command")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outputPath = (directory as NSString).appendingPathComponent("stdout")
        let errorPath = (directory as NSString).appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        guard let output = FileHandle(forWritingAtPath: outputPath), let error = FileHandle(forWritingAtPath: errorPath)
        else { throw PeerError.invalidConfiguration("cannot create command output files in \(directory)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = error
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        try? output.close()
        try? error.close()
        try? stdin.fileHandleForWriting.write(contentsOf: input)
        try? stdin.fileHandleForWriting.close()

        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while process.isRunning {
            if clock.now >= deadline {
                kill(process.processIdentifier, SIGKILL)
                // Bounded: `waitUntilExit()` was seen to hang on a killed child that was never reaped.
                let reapDeadline = clock.now.advanced(by: .seconds(5))
                while process.isRunning, clock.now < reapDeadline {
                    try? await Task.sleep(for: .milliseconds(20))
                }
                throw PeerError.timedOut(
                    operation: "\((executable as NSString).lastPathComponent) \(arguments.joined(separator: " "))"
                )
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        return Result(
            status: process.terminationStatus,
            output: Array(FileManager.default.contents(atPath: outputPath) ?? Data()),
            error: String(decoding: FileManager.default.contents(atPath: errorPath) ?? Data(), as: UTF8.self)
        )
    }
}
