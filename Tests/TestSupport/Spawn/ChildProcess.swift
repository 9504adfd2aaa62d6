import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process started with `posix_spawn`, for tests that run peers and tools.
///
/// Why not Foundation's `Process`: on Linux it emulates close-on-exec by listing this process's
/// descriptors and adding a close action for each before spawning. SwiftNIO's sockets are not
/// close-on-exec, and tests open sockets on other threads all the time, so sockets opened between the
/// listing and the spawn leak into the child (a long-lived peer then holds another test's TCP connection
/// open after that test closed it), and the listing itself crashed the test process under load (a bad
/// pointer in `Process.run()`). Here the child closes every descriptor above 2 itself, atomically, with
/// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34).
package final class ChildProcess: Sendable {
    /// Where standard input comes from.
    package enum Input: Sendable {
        /// `/dev/null`.
        case null
        /// A file read from its start.
        case file(String)
        /// A pipe whose write end this process keeps (`writeToInput`, `closeInput`).
        case pipe
    }

    /// Where standard output or error goes.
    package enum Output: Sendable {
        /// `/dev/null`.
        case null
        /// A file, created or truncated.
        case file(String)
        /// This process's own descriptor.
        case inherit
        /// For standard error only: wherever standard output goes.
        case standardOutput
    }

    /// The child's process identifier.
    package let pid: Int32
    private let state: Mutex<State>

    private struct State {
        /// The write end of the input pipe, while open.
        var inputWriter: Int32?
        /// The exit code (or 128 + signal) once the child was reaped.
        var status: Int32?
    }

    private init(pid: pid_t, inputWriter: Int32?) {
        self.pid = pid
        self.state = Mutex(State(inputWriter: inputWriter, status: nil))
    }

    deinit {
        if let writer = self.state.withLock({ $0.inputWriter }) { close(writer) }
    }

    /// Starts `executable` (an absolute path) with `arguments`.
    ///
    /// - Parameters:
    ///   - environment: the whole environment of the child; this process's when `nil`.
    ///   - currentDirectory: the child's working folder; this process's when `nil`.
    /// - Throws: `ChildProcessError` when a file cannot be opened or the spawn fails.
    package static func launch(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String]? = nil,
        currentDirectory: String? = nil,
        input: Input = .null,
        output: Output = .null,
        error: Output = .null
    ) throws(ChildProcessError) -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var inputPipe: [Int32] = [-1, -1]
        switch input {
        case .null:
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        case .file(let path):
            posix_spawn_file_actions_addopen(&actions, 0, path, O_RDONLY, 0)
        case .pipe:
            // Not close-on-exec, and it need not be: every child spawned here closes descriptors above 2.
            guard pipe(&inputPipe) == 0 else { throw .spawn(executable, errno: errno) }
            posix_spawn_file_actions_adddup2(&actions, inputPipe[0], 0)
        }
        for (descriptor, target) in [(Int32(1), output), (Int32(2), error)] {
            switch target {
            case .null:
                posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_WRONLY, 0)
            case .file(let path):
                posix_spawn_file_actions_addopen(&actions, descriptor, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            case .inherit:
                break
            case .standardOutput:
                posix_spawn_file_actions_adddup2(&actions, 1, descriptor)
            }
        }
        guard let closeFrom = SpawnExtensions.addCloseFrom else {
            throw .unsupported("posix_spawn_file_actions_addclosefrom_np (glibc 2.34 or later)")
        }
        guard closeFrom(&actions, 3) == 0 else { throw .spawn(executable, errno: errno) }
        if let currentDirectory {
            guard let changeDirectory = SpawnExtensions.addChangeDirectory else {
                throw .unsupported("posix_spawn_file_actions_addchdir_np (glibc 2.29 or later)")
            }
            guard changeDirectory(&actions, currentDirectory) == 0 else { throw .spawn(executable, errno: errno) }
        }
        let environmentLines = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var pid = pid_t()
        let result = Self.withCStrings([executable] + arguments) { argv in
            Self.withCStrings(environmentLines) { envp in
                posix_spawn(&pid, executable, &actions, nil, argv, envp)
            }
        }
        if inputPipe[0] >= 0 { close(inputPipe[0]) }
        guard result == 0 else {
            if inputPipe[1] >= 0 { close(inputPipe[1]) }
            throw .spawn(executable, errno: result)
        }
        return ChildProcess(pid: pid, inputWriter: inputPipe[1] >= 0 ? inputPipe[1] : nil)
    }

    /// Whether the child still runs; reaps it once it has ended.
    package var isRunning: Bool { self.reap() == nil }

    /// The exit code, or 128 + the signal that ended it; `nil` while it runs.
    package var terminationStatus: Int32? { self.reap() }

    /// Sends `signal` to the child (nothing once it was reaped).
    package func send(_ signal: Int32) {
        self.state.withLock { state in
            if state.status == nil { _ = kill(self.pid, signal) }
        }
    }

    /// Writes `bytes` to the input pipe (keep it small: the pipe holds 64 KiB).
    package func writeToInput(_ bytes: [UInt8]) {
        self.state.withLock { state in
            guard let writer = state.inputWriter else { return }
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(writer, $0.baseAddress, $0.count) }
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    /// Closes the input pipe: the child reads end of file.
    package func closeInput() {
        self.state.withLock { state in
            if let writer = state.inputWriter { close(writer) }
            state.inputWriter = nil
        }
    }

    /// Waits up to `timeout` for the child to end; its status, or `nil` if it still runs.
    package func wait(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let status = self.reap() { return status }
            if ContinuousClock.now >= deadline { return nil }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Blocking form of `wait(timeout:)`, for synchronous helpers.
    package func waitBlocking(timeout: Duration) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let status = self.reap() { return status }
            if ContinuousClock.now >= deadline { return nil }
            usleep(5_000)
        }
    }

    /// SIGTERM, then SIGKILL after `grace`; waits (bounded) until it was reaped.
    package func stop(grace: Duration = .seconds(3)) async {
        guard self.isRunning else { return }
        self.send(SIGTERM)
        if await self.wait(timeout: grace) != nil { return }
        self.send(SIGKILL)
        _ = await self.wait(timeout: .seconds(5))
    }

    /// Blocking form of `stop(grace:)`.
    package func stopBlocking(grace: Duration = .seconds(3)) {
        guard self.isRunning else { return }
        self.send(SIGTERM)
        if self.waitBlocking(timeout: grace) != nil { return }
        self.send(SIGKILL)
        _ = self.waitBlocking(timeout: .seconds(5))
    }

    private func reap() -> Int32? {
        self.state.withLock { state in
            if let status = state.status { return status }
            var raw: Int32 = 0
            var result: pid_t
            repeat {
                result = waitpid(self.pid, &raw, WNOHANG)
            } while result < 0 && errno == EINTR
            guard result == self.pid else { return nil }
            let signal = raw & 0x7f
            let status = signal == 0 ? (raw >> 8) & 0xff : 128 + signal
            state.status = status
            return status
        }
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}

/// Why a child process could not be started.
package enum ChildProcessError: Error, CustomStringConvertible {
    case spawn(String, errno: Int32)
    case unsupported(String)
    case files(String)
    case timedOut(String)

    package var description: String {
        switch self {
        case .spawn(let executable, let code):
            return "cannot start \(executable): \(String(cString: strerror(code)))"
        case .unsupported(let what):
            return "this C library lacks \(what)"
        case .files(let why):
            return "cannot prepare a child's files: \(why)"
        case .timedOut(let command):
            return "\(command) did not finish in time and was killed"
        }
    }
}

/// glibc's spawn extensions, which the Swift Glibc module does not import (they need `_GNU_SOURCE`).
private enum SpawnExtensions {
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    typealias AddChangeDirectory =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    // `nil` is `RTLD_DEFAULT`: search every loaded object.
    static let addCloseFrom: AddCloseFrom? = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: AddCloseFrom.self) }
    static let addChangeDirectory: AddChangeDirectory? = dlsym(nil, "posix_spawn_file_actions_addchdir_np")
        .map { unsafeBitCast($0, to: AddChangeDirectory.self) }
}
