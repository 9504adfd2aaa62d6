import Foundation

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
    /// - Throws: `PeerError.timedOut` when it had to be killed, or `ChildProcessError` when it cannot start.
    package static func run(
        _ executable: String,
        _ arguments: [String],
        input: [UInt8] = [],
        timeout: Duration = .seconds(10)
    ) async throws -> Result {
        do {
            let run = try await ChildProcess.run(executable, arguments, input: input, timeout: timeout)
            return Result(status: run.status, output: run.output, error: run.error)
        } catch .timedOut {
            throw PeerError.timedOut(
                operation: "\((executable as NSString).lastPathComponent) \(arguments.joined(separator: " "))"
            )
        }
    }
}
