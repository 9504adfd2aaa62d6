import Foundation
import TLSOpenSSL
import TestSupport
import Testing

/// The throwaway CA and server certificate of the embedded TLS target, checked by `openssl` itself and by a
/// verifying handshake.
@Suite("Ephemeral certificates for the embedded TLS target")
struct EphemeralCertificatesTests {
    /// The three PEM files in a new folder.
    private static func files(_ certificates: EphemeralCertificates) throws -> (ca: String, chain: String, key: String)
    {
        let directory = try PeerFiles.makeTemporaryDirectory(prefix: "ephemeral")
        let paths = (ca: directory + "/ca.pem", chain: directory + "/chain.pem", key: directory + "/key.pem")
        try certificates.authorityPEM.write(toFile: paths.ca, atomically: true, encoding: .utf8)
        try certificates.chainPEM.write(toFile: paths.chain, atomically: true, encoding: .utf8)
        try certificates.keyPEM.write(toFile: paths.key, atomically: true, encoding: .utf8)
        return paths
    }

    @Test("openssl verifies the server certificate against the authority, for server use, with the names asked for")
    func opensslVerifies() async throws {
        let certificates = try EphemeralCertificates.generate(
            hostNames: ["ws.example.test", "localhost"],
            ipAddresses: ["127.0.0.1"]
        )
        let paths = try Self.files(certificates)
        defer { try? FileManager.default.removeItem(atPath: (paths.ca as NSString).deletingLastPathComponent) }
        let verify = try await ChildProcess.run(
            "/usr/bin/env",
            [
                "openssl", "verify", "-purpose", "sslserver", "-verify_hostname", "ws.example.test", "-CAfile",
                paths.ca,
                paths.chain,
            ],
            mergeError: true
        )
        #expect(verify.status == 0, "\(verify.outputText)")
        #expect(verify.outputText.contains(": OK"))
        let wrongName = try await ChildProcess.run(
            "/usr/bin/env",
            ["openssl", "verify", "-verify_hostname", "other.example.test", "-CAfile", paths.ca, paths.chain],
            mergeError: true
        )
        #expect(wrongName.status != 0, "a name the certificate does not cover must fail")
        let text = try await ChildProcess.run(
            "/usr/bin/env",
            ["openssl", "x509", "-noout", "-text", "-in", paths.chain]
        )
        #expect(text.outputText.contains("DNS:ws.example.test, DNS:localhost, IP Address:127.0.0.1"))
        #expect(text.outputText.contains("TLS Web Server Authentication"))
        #expect(text.outputText.contains("CA:FALSE"))
        #expect(text.outputText.contains("Public-Key: (256 bit)"))
        let key = try await ChildProcess.run("/usr/bin/env", ["openssl", "pkey", "-noout", "-in", paths.key])
        #expect(key.status == 0, "\(key.error)")
    }

    @Test("each call makes a new authority: certificates of one run are not trusted by another")
    func freshAuthority() async throws {
        let first = try EphemeralCertificates.generate(hostNames: ["localhost"])
        let second = try EphemeralCertificates.generate(hostNames: ["localhost"])
        #expect(first.authorityPEM != second.authorityPEM)
        let one = try Self.files(first)
        let two = try Self.files(second)
        let cross = try await ChildProcess.run(
            "/usr/bin/env",
            ["openssl", "verify", "-CAfile", one.ca, two.chain],
            mergeError: true
        )
        #expect(cross.status != 0)
    }

    @Test("a verifying client completes TLS 1.3 with it for a covered name and names the mismatch otherwise")
    func handshake() throws {
        let certificates = try EphemeralCertificates.generate(
            hostNames: ["ws.example.test"],
            ipAddresses: ["127.0.0.1"]
        )
        let paths = try Self.files(certificates)
        defer { try? FileManager.default.removeItem(atPath: (paths.ca as NSString).deletingLastPathComponent) }
        let server = TLSConfiguration.server(certificateChainFile: paths.chain, keyFile: paths.key)
        let good = try TLSTestPair(
            client: .client(caFile: paths.ca, serverName: "ws.example.test", minimumVersion: .tls13),
            server: server,
            serverName: "ws.example.test"
        )
        try good.pump()
        #expect(good.clientError == nil)
        let info = try #require(good.clientRecorder.handshakes.first)
        #expect(info.protocolVersion == "TLSv1.3")
        #expect(info.verifyResult == "ok")
        #expect(info.peerCertificates.count == 2)  // the server sends its certificate and the authority's

        let wrong = try TLSTestPair(
            client: .client(caFile: paths.ca, serverName: "other.example.test"),
            server: server,
            serverName: "other.example.test"
        )
        try wrong.pump()
        guard case .hostnameMismatch(let expected, let names, _) = wrong.clientError else {
            Issue.record("expected tls.hostname-mismatch, got \(String(describing: wrong.clientError))")
            return
        }
        #expect(expected == "other.example.test")
        #expect(names.contains("DNS:ws.example.test"))
    }
}
