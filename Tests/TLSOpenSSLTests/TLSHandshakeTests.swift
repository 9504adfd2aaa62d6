import NIOCore
import NIOEmbedded
import TLSOpenSSL
import TestSupport
import Testing

@Suite("TLS handshake between the client and server handlers in memory")
struct TLSHandshakeTests {
    let certificates: CertificateFactory

    init() throws {
        certificates = try CertificateFactory.shared()
    }

    @Test("A client trusting the test CA completes a TLS 1.3 handshake with SNI and ALPN http/1.1")
    func successfulHandshake() throws {
        let pair = try TLSTestPair(client: certificates.client(), server: certificates.server())
        try pair.pump()

        #expect(pair.clientRecorder.errors.isEmpty)
        #expect(pair.serverRecorder.errors.isEmpty)
        let info = try #require(pair.clientRecorder.handshakes.first)
        #expect(pair.clientRecorder.handshakes.count == 1)
        #expect(pair.serverRecorder.handshakes.count == 1)
        #expect(info.protocolVersion == "TLSv1.3")
        #expect(info.cipher.hasPrefix("TLS_"))
        #expect(info.alpn == "http/1.1")
        #expect(info.serverName == "localhost")
        #expect(info.verificationSkipped == false)
        #expect(info.verifyResult == "ok")
        let leaf = try #require(info.peerCertificates.first)
        #expect(leaf.subject.contains("CN=localhost"))
        #expect(leaf.issuer.contains("CN=wsprobe test CA"))
        #expect(leaf.subjectAlternativeNames.contains("DNS:localhost"))
        #expect(leaf.daysLeft > 0 && leaf.daysLeft <= 30)
        #expect(leaf.notAfter.hasSuffix("Z") && leaf.notAfter.count == 20)
        #expect(leaf.notBefore < leaf.notAfter)
    }

    @Test("The server's session info shows the client certificate only under mutual TLS")
    func serverSideInfo() throws {
        let pair = try TLSTestPair(
            client: certificates.client(withClientCertificate: true),
            server: certificates.server(requireClientCertificate: true)
        )
        try pair.pump()

        #expect(pair.clientRecorder.errors.isEmpty)
        #expect(pair.serverRecorder.errors.isEmpty)
        let info = try #require(pair.serverRecorder.handshakes.first)
        #expect(info.verificationSkipped == false)
        #expect(info.peerCertificates.first?.subject.contains("CN=wsprobe test client") == true)
        #expect(info.serverName == nil)
    }

    @Test("A server capped at TLS 1.2 negotiates TLS 1.2 with a default client")
    func tls12() throws {
        let pair = try TLSTestPair(client: certificates.client(), server: certificates.server(maximumVersion: .tls12))
        try pair.pump()

        let info = try #require(pair.clientRecorder.handshakes.first)
        #expect(info.protocolVersion == "TLSv1.2")
        #expect(info.alpn == "http/1.1")
    }

    @Test("A client requiring TLS 1.3 fails against a server capped at TLS 1.2 with tls.handshake")
    func minimumVersion() throws {
        let pair = try TLSTestPair(
            client: certificates.client(minimumVersion: .tls13),
            server: certificates.server(maximumVersion: .tls12)
        )
        try pair.pump()

        #expect(pair.clientRecorder.handshakes.isEmpty)
        let error = try #require(pair.clientError ?? pair.serverError)
        #expect(error.code == "tls.handshake")
        #expect(!error.diagnostics.openSSLErrors.isEmpty)
        #expect(pair.clientError?.code == "tls.handshake")
    }

    @Test(
        "ALPN selects the server's most preferred protocol the client offered, or none",
        arguments: [
            (["http/1.1"], ["h2", "http/1.1"], "http/1.1"),
            (["h2", "http/1.1"], ["http/1.1", "h2"], "http/1.1"),
            ([], ["http/1.1"], nil),
            (["h2"], ["http/1.1"], nil),
        ] as [([String], [String], String?)]
    )
    func alpn(client: [String], server: [String], expected: String?) throws {
        let pair = try TLSTestPair(
            client: certificates.client(alpn: client),
            server: certificates.server(alpn: server)
        )
        try pair.pump()

        #expect(pair.clientRecorder.errors.isEmpty)
        let info = try #require(pair.clientRecorder.handshakes.first)
        #expect(info.alpn == expected)
        #expect(pair.serverRecorder.handshakes.first?.alpn == expected)
    }

    @Test("Mutual TLS: a client without a certificate is refused with tls.handshake on both sides")
    func mutualTLSWithoutCertificate() throws {
        let pair = try TLSTestPair(
            client: certificates.client(),
            server: certificates.server(requireClientCertificate: true)
        )
        try pair.pump()

        #expect(pair.serverRecorder.handshakes.isEmpty)
        #expect(pair.serverError?.code == "tls.handshake")
        #expect(pair.clientError?.code == "tls.handshake")
        #expect(pair.clientError?.description.contains("certificate required") == true)
    }

    @Test("A connection closing mid-handshake reports tls.handshake")
    func closedDuringHandshake() throws {
        let pair = try TLSTestPair(client: certificates.client(), server: certificates.server())
        _ = try pair.client.readOutbound(as: ByteBuffer.self)  // ClientHello, never delivered
        pair.client.pipeline.fireChannelInactive()

        #expect(pair.clientError?.code == "tls.handshake")
        #expect(pair.clientError?.description.contains("before the TLS handshake completed") == true)
    }
}
