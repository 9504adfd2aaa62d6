/// What a completed handshake negotiated, for the connectivity report.
package struct TLSSessionInfo: Sendable, Hashable {
    /// Protocol version as OpenSSL names it: "TLSv1.2" or "TLSv1.3".
    package var protocolVersion: String
    /// Cipher suite name, e.g. "TLS_AES_256_GCM_SHA384" or "ECDHE-ECDSA-AES128-GCM-SHA256".
    package var cipher: String
    /// The ALPN protocol the server selected, or `nil` when none was negotiated (RFC 7301 §3.2).
    package var alpn: String?
    /// The host name sent as SNI, or `nil` (server side, IP literals, or none configured).
    package var serverName: String?
    /// The peer's certificates, leaf first, as the peer sent them. Empty when the peer sent none.
    package var peerCertificates: [TLSCertificateInfo]
    /// `true` when the peer's certificate was not verified (client `--insecure`, or a server that does not
    /// request client certificates).
    package var verificationSkipped: Bool
    /// Result of the chain and name check (`X509_verify_cert_error_string`), "ok" when it passed. With
    /// verification skipped it still says what would have failed, e.g. "unable to get local issuer certificate".
    package var verifyResult: String

    /// A session summary.
    package init(
        protocolVersion: String,
        cipher: String,
        alpn: String?,
        serverName: String?,
        peerCertificates: [TLSCertificateInfo],
        verificationSkipped: Bool,
        verifyResult: String
    ) {
        self.protocolVersion = protocolVersion
        self.cipher = cipher
        self.alpn = alpn
        self.serverName = serverName
        self.peerCertificates = peerCertificates
        self.verificationSkipped = verificationSkipped
        self.verifyResult = verifyResult
    }
}
