import Foundation
import ResultCodes
import TLSOpenSSL
import WSTransport

/// A throwaway CA and server certificate written to a private temporary folder, for an embedded target that
/// serves TLS: the server uses `server`, the run trusts `authorityFile`, and `remove()` deletes them.
struct EphemeralTLSFiles {
    /// The server's certificate chain and key.
    let server: EchoServerTLS
    /// The authority's certificate, to trust.
    let authorityFile: String
    private let directory: URL

    /// Generates certificates covering `hostNames` and 127.0.0.1 and writes them (folder 0700, files 0600).
    /// - Throws: `CommandFailure` (could not start) when generation or writing fails.
    init(hostNames: [String]) throws(CommandFailure) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("wsprobe-tls-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        do {
            let certificates = try EphemeralCertificates.generate(hostNames: hostNames, ipAddresses: ["127.0.0.1"])
            try FileManager.default.createDirectory(
                at: directory,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
            for (name, text) in [
                ("ca.pem", certificates.authorityPEM), ("chain.pem", certificates.chainPEM),
                ("key.pem", certificates.keyPEM),
            ] {
                let path = directory.appendingPathComponent(name).path
                guard
                    FileManager.default.createFile(
                        atPath: path,
                        contents: Data(text.utf8),
                        attributes: [.posixPermissions: 0o600]
                    )
                else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
            }
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw CommandFailure(
                status: .couldNotStart,
                code: .embeddedTLS,
                message: "cannot make the embedded target's TLS certificate: \(error)"
            )
        }
        self.directory = directory
        self.authorityFile = directory.appendingPathComponent("ca.pem").path
        self.server = EchoServerTLS(
            certificateChainFile: directory.appendingPathComponent("chain.pem").path,
            keyFile: directory.appendingPathComponent("key.pem").path
        )
    }

    /// Deletes the folder and its files.
    func remove() {
        try? FileManager.default.removeItem(at: self.directory)
    }
}
