import Foundation
import TLSOpenSSL
import TestSupport
import Testing

@Suite("Configuration errors are tls.config and name the file")
struct TLSConfigurationErrorTests {
    let certificates: CertificateFactory

    init() throws {
        certificates = try CertificateFactory.shared()
    }

    /// A file that exists but holds no PEM.
    private func garbageFile() throws -> String {
        let path = certificates.directory + "/garbage-\(UUID().uuidString).pem"
        try Data("this is not PEM\n".utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func expectConfigError(
        _ configuration: TLSConfiguration,
        naming file: String?,
        saying text: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            _ = try TLSContext(configuration: configuration)
            Issue.record("expected tls.config", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == "tls.config", sourceLocation: sourceLocation)
            if case .config(let named, _, _) = error {
                #expect(named == file, sourceLocation: sourceLocation)
            } else {
                Issue.record("expected .config, got \(error)", sourceLocation: sourceLocation)
            }
            #expect(error.description.contains(text), "\(error)", sourceLocation: sourceLocation)
        }
    }

    @Test("A missing CA file")
    func missingCAFile() {
        let path = certificates.directory + "/no-such-ca.pem"
        expectConfigError(.client(caFile: path), naming: path, saying: "does not exist")
    }

    @Test("A CA file without PEM certificates")
    func badCAFile() throws {
        let path = try garbageFile()
        expectConfigError(.client(caFile: path), naming: path, saying: "no PEM CA certificate")
    }

    @Test("A server certificate file without PEM")
    func badCertificate() throws {
        let path = try garbageFile()
        expectConfigError(
            .server(certificateChainFile: path, keyFile: certificates.serverKey),
            naming: path,
            saying: "no PEM certificate"
        )
    }

    @Test("A missing server key file")
    func missingKey() {
        let path = certificates.directory + "/no-such.key"
        expectConfigError(
            .server(certificateChainFile: certificates.serverCertificate, keyFile: path),
            naming: path,
            saying: "does not exist"
        )
    }

    @Test("A key that does not match its certificate")
    func keyMismatch() {
        expectConfigError(
            .server(certificateChainFile: certificates.serverCertificate, keyFile: certificates.clientKey),
            naming: certificates.clientKey,
            saying: "server.pem"
        )
    }

    @Test("A client certificate without a key")
    func certificateWithoutKey() {
        expectConfigError(
            .client(certificateFile: certificates.clientCertificate),
            naming: certificates.clientCertificate,
            saying: "needs a private key"
        )
    }

    @Test("A missing client CA file on a server")
    func missingClientCA() {
        let path = certificates.directory + "/no-such-client-ca.pem"
        expectConfigError(
            .server(
                certificateChainFile: certificates.serverCertificate,
                keyFile: certificates.serverKey,
                clientCAFile: path
            ),
            naming: path,
            saying: "does not exist"
        )
    }

    @Test("An empty or over-long ALPN name", arguments: ["", String(repeating: "x", count: 256)])
    func badALPN(name: String) {
        expectConfigError(.client(alpn: [name]), naming: nil, saying: "ALPN")
    }

    @Test("A maximum version below the minimum")
    func invertedVersions() {
        expectConfigError(
            .client(minimumVersion: .tls13, maximumVersion: .tls12),
            naming: nil,
            saying: "below minimum"
        )
    }

    @Test("Handlers refuse a context of the other role")
    func wrongRole() throws {
        let server = try TLSContext(configuration: certificates.server())
        let client = try TLSContext(configuration: certificates.client())
        #expect(throws: TLSError.self) { _ = try TLSClientHandler(context: server) }
        #expect(throws: TLSError.self) { _ = try TLSServerHandler(context: client) }
    }
}
