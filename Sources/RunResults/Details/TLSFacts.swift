/// The TLS session a sample connection negotiated.
package struct TLSFacts: Sendable, Hashable, Codable {
    /// `TLSv1.3`, `TLSv1.2`.
    package var version: String
    /// The OpenSSL cipher suite name (`TLS_AES_128_GCM_SHA256`).
    package var cipher: String
    /// The ALPN protocol selected, if any (`http/1.1`).
    package var alpn: String?
    /// The peer's chain, leaf first.
    package var peerChain: [CertificateFacts]
    /// `true` when certificate verification was turned off (`--insecure`): the chain was not checked.
    package var verificationSkipped: Bool
    /// The server name sent (SNI), if any; `nil` in version-1 reports.
    package var serverName: String?
    /// What verification said (`ok`, or why the chain is not trusted): with `--insecure`, what it would have
    /// said; `nil` in version-1 reports.
    package var verifyResult: String?

    package init(
        version: String,
        cipher: String,
        alpn: String? = nil,
        peerChain: [CertificateFacts] = [],
        verificationSkipped: Bool = false,
        serverName: String? = nil,
        verifyResult: String? = nil
    ) {
        self.version = version
        self.cipher = cipher
        self.alpn = alpn
        self.peerChain = peerChain
        self.verificationSkipped = verificationSkipped
        self.serverName = serverName
        self.verifyResult = verifyResult
    }
}
