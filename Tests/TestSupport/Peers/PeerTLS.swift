/// The certificate files a TLS test peer serves (PEM paths).
package struct PeerTLS: Sendable {
    /// The server certificate.
    package var certificate: String
    /// The server certificate's private key.
    package var key: String
    /// When set, the peer requires a client certificate signed by this CA (mutual TLS).
    package var clientCA: String?

    package init(certificate: String, key: String, clientCA: String? = nil) {
        self.certificate = certificate
        self.key = key
        self.clientCA = clientCA
    }

    /// The test CA's valid server certificate for `localhost`, `127.0.0.1` and `::1`
    /// (`CertificateFactory.serverCertificate`), optionally requiring a client certificate from the
    /// same test CA.
    package static func testServer(requireClientCertificate: Bool = false) throws -> PeerTLS {
        let certificates = try CertificateFactory.shared()
        return PeerTLS(
            certificate: certificates.serverCertificate,
            key: certificates.serverKey,
            clientCA: requireClientCertificate ? certificates.caCertificate : nil
        )
    }
}
