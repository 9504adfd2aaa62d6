import Foundation

/// Test certificates made once per test process by `scripts/gen-test-certs.sh` in a temporary folder.
///
/// Every property is the path of a PEM file. The leaves cover `localhost`, `127.0.0.1` and `::1`
/// unless their name says otherwise; see the script for the exact contents.
package struct CertificateFactory: Sendable {
    /// The folder holding every file.
    package let directory: String

    /// The test CA that signed `server`, `expired`, `wrongHost` and `client`.
    package var caCertificate: String { path("ca.pem") }
    /// A valid server certificate for localhost, 127.0.0.1 and ::1.
    package var serverCertificate: String { path("server.pem") }
    package var serverKey: String { path("server.key") }
    /// A server certificate signed by the test CA that expired on 2021-01-01.
    package var expiredCertificate: String { path("expired.pem") }
    package var expiredKey: String { path("expired.key") }
    /// A server certificate signed by the test CA that is not valid before 2099-01-01.
    package var notYetValidCertificate: String { path("future.pem") }
    package var notYetValidKey: String { path("future.key") }
    /// A server certificate signed by the test CA for `wrong.example.com` only.
    package var wrongHostCertificate: String { path("wronghost.pem") }
    package var wrongHostKey: String { path("wronghost.key") }
    /// A second CA that no test trusts.
    package var otherCACertificate: String { path("other-ca.pem") }
    /// A server certificate for localhost signed by the second, untrusted CA.
    package var untrustedCertificate: String { path("untrusted.pem") }
    package var untrustedKey: String { path("untrusted.key") }
    /// A client certificate (extended key usage clientAuth) signed by the test CA, for mutual TLS.
    package var clientCertificate: String { path("client.pem") }
    package var clientKey: String { path("client.key") }

    /// The fixtures for this test process, generated on first use.
    ///
    /// - Throws: `CertificateFactoryError` when the script is missing or fails.
    package static func shared() throws -> CertificateFactory {
        try cached.get()
    }

    private static let cached: Result<CertificateFactory, CertificateFactoryError> = Result {
        try generate()
    }.mapError { error in
        error as? CertificateFactoryError ?? .scriptFailed(status: -1, output: "\(error)")
    }

    private func path(_ name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }

    private static func generate() throws -> CertificateFactory {
        let repositoryRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // TestSupport
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
        let script = repositoryRoot.appendingPathComponent("scripts/gen-test-certs.sh").path
        guard FileManager.default.isExecutableFile(atPath: script) else {
            throw CertificateFactoryError.scriptMissing(script)
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("wsprobe-certs-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)

        let run = try ChildProcess.runBlocking("/bin/sh", [script, directory.path], mergeError: true)
        guard run.status == 0 else {
            throw CertificateFactoryError.scriptFailed(status: run.status, output: run.outputText)
        }
        return CertificateFactory(directory: directory.path)
    }
}

/// Why the test certificates could not be made.
package enum CertificateFactoryError: Error, CustomStringConvertible {
    case scriptMissing(String)
    case scriptFailed(status: Int32, output: String)

    package var description: String {
        switch self {
        case .scriptMissing(let path):
            return "The certificate script \(path) is missing or not executable."
        case .scriptFailed(let status, let output):
            return "scripts/gen-test-certs.sh exited with status \(status): \(output)"
        }
    }
}
