import Foundation

/// Running a command to completion, with its output captured through files (not pipes: a pipe's write end
/// can outlive the command in its own children, and a full pipe would block it).
extension ChildProcess {
    /// What a finished command printed and how it ended.
    package struct Captured: Sendable {
        /// The exit code, or 128 + the signal that ended it.
        package var status: Int32
        /// Standard output (and standard error, when merged).
        package var output: [UInt8]
        /// Standard error, unless merged into `output`.
        package var error: String

        /// `output` as UTF-8 text.
        package var outputText: String { String(decoding: self.output, as: UTF8.self) }
    }

    /// Runs `executable` to completion; SIGKILL after `timeout`.
    /// - Throws: `ChildProcessError.timedOut` when it had to be killed, or a launch error.
    package static func run(
        _ executable: String,
        _ arguments: [String],
        input: [UInt8] = [],
        environment: [String: String]? = nil,
        currentDirectory: String? = nil,
        mergeError: Bool = false,
        timeout: Duration = .seconds(60)
    ) async throws(ChildProcessError) -> Captured {
        let (child, files) = try Self.launchCapturing(
            executable,
            arguments,
            input,
            environment,
            currentDirectory,
            mergeError
        )
        defer { files.remove() }
        guard let status = await child.wait(timeout: timeout) else {
            await child.stop(grace: .zero)
            throw .timedOut(([executable] + arguments).joined(separator: " "))
        }
        return files.captured(status: status)
    }

    /// Blocking form of `run`, for synchronous helpers.
    package static func runBlocking(
        _ executable: String,
        _ arguments: [String],
        input: [UInt8] = [],
        environment: [String: String]? = nil,
        currentDirectory: String? = nil,
        mergeError: Bool = false,
        timeout: Duration = .seconds(60)
    ) throws(ChildProcessError) -> Captured {
        let (child, files) = try Self.launchCapturing(
            executable,
            arguments,
            input,
            environment,
            currentDirectory,
            mergeError
        )
        defer { files.remove() }
        guard let status = child.waitBlocking(timeout: timeout) else {
            child.stopBlocking(grace: .zero)
            throw .timedOut(([executable] + arguments).joined(separator: " "))
        }
        return files.captured(status: status)
    }

    /// Starts `executable` reading `input` from a file and writing into files of a new folder.
    private static func launchCapturing(
        _ executable: String,
        _ arguments: [String],
        _ input: [UInt8],
        _ environment: [String: String]?,
        _ currentDirectory: String?,
        _ mergeError: Bool
    ) throws(ChildProcessError) -> (ChildProcess, CaptureFiles) {
        let files = try CaptureFiles(input: input)
        do {
            let child = try Self.launch(
                executable,
                arguments,
                environment: environment,
                currentDirectory: currentDirectory,
                input: .file(files.input),
                output: .file(files.output),
                error: mergeError ? .standardOutput : .file(files.error)
            )
            return (child, files)
        } catch {
            files.remove()
            throw error
        }
    }
}

/// A temporary folder with a command's input, output and error files.
private struct CaptureFiles {
    let directory: String
    var input: String { self.directory + "/stdin" }
    var output: String { self.directory + "/stdout" }
    var error: String { self.directory + "/stderr" }

    init(input bytes: [UInt8]) throws(ChildProcessError) {
        self.directory =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("wsprobe-child-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
            .path
        do {
            try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
        } catch {
            throw .files("\(self.directory): \(error)")
        }
        guard FileManager.default.createFile(atPath: self.directory + "/stdin", contents: Data(bytes)) else {
            throw .files("cannot write \(self.directory)/stdin")
        }
    }

    func captured(status: Int32) -> ChildProcess.Captured {
        ChildProcess.Captured(
            status: status,
            output: Array(FileManager.default.contents(atPath: self.output) ?? Data()),
            error: String(decoding: FileManager.default.contents(atPath: self.error) ?? Data(), as: UTF8.self)
        )
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: self.directory)
    }
}
