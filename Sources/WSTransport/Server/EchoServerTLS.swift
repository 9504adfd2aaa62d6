/// The TLS files of an `EchoServer` listener (PEM).
package struct EchoServerTLS: Sendable, Hashable {
    /// The certificate chain, leaf first.
    package var certificateChainFile: String
    /// The leaf's private key.
    package var keyFile: String
    /// When set, clients must present a certificate chaining to one of these CAs (mTLS).
    package var clientCAFile: String?

    package init(certificateChainFile: String, keyFile: String, clientCAFile: String? = nil) {
        self.certificateChainFile = certificateChainFile
        self.keyFile = keyFile
        self.clientCAFile = clientCAFile
    }
}
