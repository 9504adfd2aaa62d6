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
