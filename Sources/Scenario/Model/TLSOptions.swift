/// TLS settings for `wss://` targets.
package struct TLSOptions: Sendable, Hashable {
    /// The TLS protocol floor.
    package enum Version: String, Sendable, Hashable, CaseIterable {
        case tls12 = "1.2"
        case tls13 = "1.3"
    }

    /// PEM file of trusted CAs; `nil` uses the system store.
    package var caCertificate: String?
    /// Client certificate (PEM) for mutual TLS; always together with `key`.
    package var certificate: String?
    /// Client private key (PEM).
    package var key: String?
    /// Skip certificate and hostname verification (for test targets only).
    package var insecure: Bool
    /// Default 1.2: the oldest version still considered safe (RFC 8996 deprecates 1.0 and 1.1).
    package var minVersion: Version
    /// SNI and verification name when it differs from the URL host (e.g. with `resolve`).
    package var serverName: String?

    package init(
        caCertificate: String? = nil,
        certificate: String? = nil,
        key: String? = nil,
        insecure: Bool = false,
        minVersion: Version = .tls12,
        serverName: String? = nil
    ) {
        self.caCertificate = caCertificate
        self.certificate = certificate
        self.key = key
        self.insecure = insecure
        self.minVersion = minVersion
        self.serverName = serverName
    }
}
