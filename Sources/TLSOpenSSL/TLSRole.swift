/// Which end of the TLS handshake a configuration is for.
package enum TLSRole: Sendable, Hashable {
    /// Sends ClientHello; verifies the server's certificate and name.
    case client
    /// Answers ClientHello with a certificate; optionally requires and verifies a client certificate.
    case server
}
