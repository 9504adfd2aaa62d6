import NIOCore
import NIOEmbedded
import TLSOpenSSL
import TestSupport
import Testing

@Suite("Server certificate verification and its error codes")
struct TLSVerificationTests {
    let certificates: CertificateFactory

    init() throws {
        certificates = try CertificateFactory.shared()
    }

    private func server(certificate: String, key: String) -> TLSConfiguration {
        .server(certificateChainFile: certificate, keyFile: key)
    }

    @Test("A certificate from a CA the client does not trust fails with tls.untrusted")
    func untrusted() throws {
        let pair = try TLSTestPair(
            client: certificates.client(),
            server: server(certificate: certificates.untrustedCertificate, key: certificates.untrustedKey)
        )
        try pair.pump()

        #expect(pair.clientRecorder.handshakes.isEmpty)
        let error = try #require(pair.clientError)
        #expect(error.code == "tls.untrusted")
        #expect(error.diagnostics.verifyResult == 20)  // X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY
        #expect(error.diagnostics.verifyReason == "unable to get local issuer certificate")
        #expect(error.diagnostics.openSSLErrors.contains { $0.contains("certificate verify failed") })
        #expect(error.description.contains("not trusted"))
        // The client's alert tells the server why.
        #expect(pair.serverError?.code == "tls.handshake")
        #expect(!pair.client.isActive)
    }

    @Test("A self-signed server certificate (the CA itself) fails with tls.untrusted")
    func selfSigned() throws {
        let pair = try TLSTestPair(
            client: .client(caFile: certificates.caCertificate, serverName: "localhost"),
            server: server(certificate: certificates.otherCACertificate, key: certificates.directory + "/other-ca.key")
        )
        try pair.pump()

        #expect(pair.clientError?.code == "tls.untrusted")
        #expect(pair.clientError?.diagnostics.verifyResult == 18)  // X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT
    }

    @Test("A certificate for another host fails with tls.hostname-mismatch naming both names")
    func wrongHost() throws {
        let pair = try TLSTestPair(
            client: certificates.client(),
            server: server(certificate: certificates.wrongHostCertificate, key: certificates.wrongHostKey)
        )
        try pair.pump()

        let error = try #require(pair.clientError)
        #expect(error.code == "tls.hostname-mismatch")
        guard case .hostnameMismatch(let expected, let names, _) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(expected == "localhost")
        #expect(names == ["DNS:wrong.example.com"])
        #expect(error.description.contains("'localhost'"))
        #expect(error.description.contains("DNS:wrong.example.com"))
    }

    @Test(
        "IP literals are verified against the certificate's IP addresses and never sent as SNI",
        arguments: ["127.0.0.1", "::1", "[::1]"]
    )
    func ipAddress(name: String) throws {
        let pair = try TLSTestPair(client: certificates.client(serverName: name), server: certificates.server())
        try pair.pump()

        #expect(pair.clientRecorder.errors.isEmpty)
        let info = try #require(pair.clientRecorder.handshakes.first)
        #expect(info.serverName == nil)
        #expect(info.verifyResult == "ok")
    }

    @Test("An IP literal the certificate does not list fails with tls.hostname-mismatch")
    func wrongAddress() throws {
        let pair = try TLSTestPair(client: certificates.client(serverName: "127.0.0.2"), server: certificates.server())
        try pair.pump()

        #expect(pair.clientError?.code == "tls.hostname-mismatch")
        #expect(pair.clientError?.description.contains("IP Address:127.0.0.1") == true)
    }

    @Test("The handler's server name overrides the configuration's")
    func serverNameOverride() throws {
        let pair = try TLSTestPair(
            client: certificates.client(serverName: "wrong.example.com"),
            server: certificates.server(),
            serverName: "localhost"
        )
        try pair.pump()

        #expect(pair.clientRecorder.errors.isEmpty)
        #expect(pair.clientRecorder.handshakes.first?.serverName == "localhost")
    }

    @Test("An expired certificate fails with tls.expired and its end date")
    func expired() throws {
        let pair = try TLSTestPair(
            client: certificates.client(),
            server: server(certificate: certificates.expiredCertificate, key: certificates.expiredKey)
        )
        try pair.pump()

        let error = try #require(pair.clientError)
        #expect(error.code == "tls.expired")
        #expect(error.diagnostics.verifyReason == "certificate has expired")
        #expect(error.description.contains("expired on 2021-01-01T00:00:00Z"))
        #expect(error.description.contains("CN=localhost"))
    }

    @Test("A certificate that is not valid yet fails with tls.expired and its start date")
    func notYetValid() throws {
        let pair = try TLSTestPair(
            client: certificates.client(),
            server: server(certificate: certificates.notYetValidCertificate, key: certificates.notYetValidKey)
        )
        try pair.pump()

        let error = try #require(pair.clientError)
        #expect(error.code == "tls.expired")
        guard case .expired(_, let notBefore, _, let notYetValid, _) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(notYetValid)
        #expect(notBefore == "2099-01-01T00:00:00Z")
        #expect(error.description.contains("not valid yet"))
    }

    @Test("Insecure mode accepts an untrusted certificate and says verification was skipped")
    func insecure() throws {
        let pair = try TLSTestPair(
            client: certificates.client(verifyPeer: false),
            server: server(certificate: certificates.untrustedCertificate, key: certificates.untrustedKey)
        )
        try pair.pump()

        #expect(pair.clientRecorder.errors.isEmpty)
        let info = try #require(pair.clientRecorder.handshakes.first)
        #expect(info.verificationSkipped)
        #expect(info.verifyResult == "unable to get local issuer certificate")
        #expect(info.peerCertificates.first?.issuer.contains("CN=wsprobe untrusted CA") == true)
    }

    @Test("A client with no CA file uses the system trust store, which does not know the test CA")
    func systemTrustStore() throws {
        let pair = try TLSTestPair(
            client: .client(serverName: "localhost"),
            server: certificates.server()
        )
        try pair.pump()

        #expect(pair.clientError?.code == "tls.untrusted")
    }
}
