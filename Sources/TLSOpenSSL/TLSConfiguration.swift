/// Everything needed to build a `TLSContext`: trust, identity, ALPN and protocol versions.
///
/// Build one with `TLSConfiguration.client(…)` or `TLSConfiguration.server(…)`. It is a plain value: it names
/// files but reads none of them; `TLSContext(configuration:)` loads and checks them once.
package struct TLSConfiguration: Sendable, Hashable {
    /// Client or server.
    package var role: TLSRole

    /// PEM bundle of CA certificates used to verify the peer.
    ///
    /// Client: `nil` uses the system trust store (`SSL_CTX_set_default_verify_paths`).
    /// Server: `nil` requests no client certificate; a file makes a client certificate that chains to one of
    /// these CAs mandatory (mutual TLS).
    package var caFile: String?

    /// Whether the client verifies the server's chain and name. `false` is `--insecure`: the handshake accepts
    /// any certificate, and `TLSSessionInfo.verificationSkipped` says so. For servers it mirrors `caFile != nil`.
    package var verifyPeer: Bool

    /// The host name sent as SNI and checked against the server's certificate.
    ///
    /// An IP literal (`127.0.0.1`, `::1`, `[::1]`) is checked against the certificate's IP addresses and is
    /// not sent as SNI (RFC 6066 §3: "Literal IPv4 and IPv6 addresses are not permitted in HostName").
    /// `TLSClientHandler` can override it per connection, so one context serves many hosts.
    package var serverName: String?

    /// Application protocols offered (client) or accepted in order of preference (server), RFC 7301.
    ///
    /// Defaults to `["http/1.1"]`: a WebSocket upgrade is an HTTP/1.1 request (RFC 6455 §4.1), and an ALB that
    /// negotiates h2 by default would otherwise answer in a protocol the upgrade cannot use. Empty sends none.
    package var alpn: [String]

    /// PEM certificate (chain) file: the server's identity, or the client certificate for mutual TLS.
    package var certificateFile: String?

    /// PEM private key file matching `certificateFile`.
    package var keyFile: String?

    /// Oldest protocol version accepted. Defaults to TLS 1.2, the oldest version not deprecated (RFC 8996).
    package var minimumVersion: TLSVersion

    /// Newest protocol version offered; `nil` means the newest OpenSSL supports. Tests use it to stand up a
    /// server that stops at TLS 1.2.
    package var maximumVersion: TLSVersion?

    /// A client configuration.
    ///
    /// - Parameters:
    ///   - caFile: CA bundle to trust; `nil` for the system trust store.
    ///   - verifyPeer: `false` accepts any server certificate (`--insecure`).
    ///   - serverName: SNI and expected certificate name (may be overridden per connection).
    ///   - alpn: protocols to offer; defaults to `["http/1.1"]`.
    ///   - certificateFile: client certificate for mutual TLS.
    ///   - keyFile: its private key.
    ///   - minimumVersion: oldest version accepted; defaults to TLS 1.2.
    ///   - maximumVersion: newest version offered; `nil` for no cap.
    package static func client(
        caFile: String? = nil,
        verifyPeer: Bool = true,
        serverName: String? = nil,
        alpn: [String] = ["http/1.1"],
        certificateFile: String? = nil,
        keyFile: String? = nil,
        minimumVersion: TLSVersion = .tls12,
        maximumVersion: TLSVersion? = nil
    ) -> TLSConfiguration {
        TLSConfiguration(
            role: .client,
            caFile: caFile,
            verifyPeer: verifyPeer,
            serverName: serverName,
            alpn: alpn,
            certificateFile: certificateFile,
            keyFile: keyFile,
            minimumVersion: minimumVersion,
            maximumVersion: maximumVersion
        )
    }

    /// A server configuration.
    ///
    /// - Parameters:
    ///   - certificateChainFile: PEM file with the leaf first, then intermediates.
    ///   - keyFile: the leaf's private key.
    ///   - clientCAFile: when set, clients must present a certificate chaining to one of these CAs.
    ///   - alpn: protocols accepted, most preferred first; defaults to `["http/1.1"]`.
    ///   - minimumVersion: oldest version accepted; defaults to TLS 1.2.
    ///   - maximumVersion: newest version accepted; `nil` for no cap.
    package static func server(
        certificateChainFile: String,
        keyFile: String,
        clientCAFile: String? = nil,
        alpn: [String] = ["http/1.1"],
        minimumVersion: TLSVersion = .tls12,
        maximumVersion: TLSVersion? = nil
    ) -> TLSConfiguration {
        TLSConfiguration(
            role: .server,
            caFile: clientCAFile,
            verifyPeer: clientCAFile != nil,
            serverName: nil,
            alpn: alpn,
            certificateFile: certificateChainFile,
            keyFile: keyFile,
            minimumVersion: minimumVersion,
            maximumVersion: maximumVersion
        )
    }

    /// Memberwise initialiser; prefer `client(…)` and `server(…)`.
    package init(
        role: TLSRole,
        caFile: String?,
        verifyPeer: Bool,
        serverName: String?,
        alpn: [String],
        certificateFile: String?,
        keyFile: String?,
        minimumVersion: TLSVersion,
        maximumVersion: TLSVersion?
    ) {
        self.role = role
        self.caFile = caFile
        self.verifyPeer = verifyPeer
        self.serverName = serverName
        self.alpn = alpn
        self.certificateFile = certificateFile
        self.keyFile = keyFile
        self.minimumVersion = minimumVersion
        self.maximumVersion = maximumVersion
    }
}
