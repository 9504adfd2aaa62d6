import Foundation

/// Locates the peer scripts in `Tests/Peers/` and the peer executables on this machine.
package enum PeerFiles {
    /// The folder holding `ws_server.py`, `hostile_server.py`, `watchdog.py` and `tls_request.py`.
    package static let scriptsDirectory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Peers
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Peers")
        .path

    /// The absolute path of a peer script, checked to exist.
    ///
    /// - Throws: `PeerError.scriptMissing` when the file is not there.
    package static func script(_ name: String) throws -> String {
        let path = (scriptsDirectory as NSString).appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: path) else { throw PeerError.scriptMissing(path) }
        return path
    }

    /// The absolute path of an executable: searched on `PATH`, then in `/usr/sbin`, `/sbin`,
    /// `/usr/local/sbin` (where Debian puts nginx and haproxy) and `/usr/bin`.
    ///
    /// - Throws: `PeerError.executableMissing`, whose message says to run
    ///   `scripts/install-test-peers.sh`.
    package static func executable(_ name: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders =
            path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin", "/usr/local/sbin", "/usr/bin"]
        for folder in folders where !folder.isEmpty {
            let candidate = (folder as NSString).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw PeerError.executableMissing(name)
    }

    /// The real Python 3 interpreter: `sys.executable` of the `python3` on `PATH`.
    ///
    /// Version-manager shims (pyenv) run Python as a child of a shell script; launching the real
    /// binary keeps the peer's process identifier the one `PeerProcess` signals.
    ///
    /// - Throws: `PeerError.executableMissing` when there is no `python3`.
    package static func python() throws -> String {
        try resolvedPython.get()
    }

    private static let resolvedPython: Result<String, PeerError> = Result {
        let shim = try executable("python3")
        let run = try ChildProcess.runBlocking(
            shim,
            ["-c", "import sys; print(sys.executable)"],
            timeout: .seconds(30)
        )
        let path = run.outputText.trimmingCharacters(in: .whitespacesAndNewlines)
        return run.status == 0 && FileManager.default.isExecutableFile(atPath: path) ? path : shim
    }.mapError { error in
        error as? PeerError ?? .executableMissing("python3 (\(error))")
    }

    /// A new, empty temporary folder for one peer's configuration, logs and state.
    package static func makeTemporaryDirectory(prefix: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent(
                "wsprobe-\(prefix)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
            )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.path
    }
}
