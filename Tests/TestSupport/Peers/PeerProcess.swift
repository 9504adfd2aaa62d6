import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One independent peer (Python server, HAProxy, nginx) running as a child process for a test.
///
/// The peer runs under `Tests/Peers/watchdog.py`, which holds a pipe from this test process on its
/// standard input: if the test process dies, even by a crash, the pipe closes and the watchdog stops
/// the peer. `stop()` (also called from `deinit`) closes the pipe, sends SIGTERM and, if the peer is
/// still running after 3 s, SIGKILL. Standard output and error go to a log file that error messages
/// quote. All waits are bounded.
///
/// Sendable: the mutable state (`stopped`) is behind a `Mutex` and `ChildProcess` is Sendable.
package final class PeerProcess: Sendable {
    /// A short name for messages, such as `haproxy` or `ws_server.py`.
    package let name: String
    /// The file that receives the peer's standard output and error.
    package let logPath: String

    private let process: ChildProcess
    /// The folder to delete after the peer stops, if any.
    private let removableDirectory: String?
    private let stopped = Mutex(false)

    /// Launches `executable` with `arguments` under the watchdog.
    ///
    /// - Parameters:
    ///   - name: a short name used in error messages.
    ///   - executable: an absolute path (see `PeerFiles.executable(_:)`).
    ///   - environment: extra environment variables, added to this process's environment.
    ///   - currentDirectory: the working folder; a new temporary folder when `nil`.
    ///   - removeDirectoryOnExit: whether the watchdog deletes the working folder once the peer has
    ///     exited (always for a folder made here; pass true for one made for the peer, such as a
    ///     proxy's configuration folder). The log file lives there, so `output()` is then only
    ///     available while the peer runs, which is when errors quote it.
    /// - Throws: `PeerError` when python3 or the watchdog is missing, or `ChildProcessError` when the
    ///   launch itself fails.
    package static func launch(
        name: String,
        executable: String,
        arguments: [String],
        environment: [String: String] = [:],
        currentDirectory: String? = nil,
        removeDirectoryOnExit: Bool = false
    ) throws -> PeerProcess {
        let python = try PeerFiles.python()
        let watchdog = try PeerFiles.script("watchdog.py")
        let directory = try currentDirectory ?? PeerFiles.makeTemporaryDirectory(prefix: "peer")
        let logPath = (directory as NSString).appendingPathComponent("\(name)-\(UUID().uuidString).log")
        let removal = currentDirectory == nil || removeDirectoryOnExit ? ["--remove-dir", directory] : []
        let process = try ChildProcess.launch(
            python,
            ["-u", watchdog] + removal + [executable] + arguments,
            environment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new },
            currentDirectory: directory,
            input: .pipe,
            output: .file(logPath),
            error: .standardOutput
        )
        return PeerProcess(
            name: name,
            logPath: logPath,
            process: process,
            removableDirectory: removal.isEmpty ? nil : directory
        )
    }

    private init(name: String, logPath: String, process: ChildProcess, removableDirectory: String?) {
        self.name = name
        self.logPath = logPath
        self.process = process
        self.removableDirectory = removableDirectory
    }

    deinit {
        stop()
    }

    /// Whether the peer (its watchdog) is still running.
    package var isRunning: Bool { process.isRunning }

    /// The process identifier of the watchdog that runs the peer.
    package var processIdentifier: Int32 { process.pid }

    /// Everything the peer has written to standard output and error so far.
    package func output() -> String {
        guard let data = FileManager.default.contents(atPath: logPath) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Waits until every port in `ports` accepts TCP connections on 127.0.0.1.
    ///
    /// - Parameter timeout: the longest wait; 10 s by default, which covers a cold Python start
    ///   on a loaded 2-core CI machine.
    /// - Throws: `PeerError.exited` with the peer's output if it exits first, or
    ///   `PeerError.notListening` with its output when the time is up.
    package func waitUntilListening(ports: [Int], timeout: Duration = .seconds(10)) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var waiting = ports
        while true {
            waiting.removeAll { LoopbackPort.isAccepting($0) }
            if waiting.isEmpty { return }
            if !process.isRunning {
                throw PeerError.exited(peer: name, status: process.terminationStatus ?? -1, output: output())
            }
            if clock.now >= deadline {
                let seconds = Double(timeout.components.seconds)
                throw PeerError.notListening(peer: name, port: waiting[0], seconds: seconds, output: output())
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Stops the peer: closes the watchdog pipe, sends SIGTERM, and SIGKILL after 3 s; then deletes
    /// its working folder when that was asked for. Idempotent; blocks at most about 4 s.
    package func stop() {
        let first = stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        process.closeInput()
        process.stopBlocking(grace: .seconds(3))
        if let removableDirectory { try? FileManager.default.removeItem(atPath: removableDirectory) }
    }
}
