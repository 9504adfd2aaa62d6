import COpenSSL

/// An OpenSSL `SSL_CTX` built once from a `TLSConfiguration` and shared by every connection that uses it.
///
/// Building it reads and checks every file the configuration names, so a bad CA bundle or a key that does
/// not match its certificate fails once, up front, with `tls.config`, not on each connection.
///
/// Sendable: `@unchecked`, proven as follows. The only state is `configuration` (an immutable Sendable value),
/// `alpnWire` (written once in `init`, then only read) and the `SSL_CTX`. The `SSL_CTX` is fully configured in
/// `init`, before `self` can escape, and never mutated afterwards: no `SSL_CTX_set_*` call exists outside
/// `init`. OpenSSL documents an `SSL_CTX` as safe to use from many threads once configured; `SSL_new` only
/// reads its settings and bumps its reference count atomically, and the server session cache it updates is
/// guarded by OpenSSL's own lock. Each `SSL` made from it belongs to one handler on one event loop.
package final class TLSContext: @unchecked Sendable {
    /// The configuration this context was built from.
    package let configuration: TLSConfiguration

    /// The shared OpenSSL context.
    let context: OpaquePointer

    /// ALPN list in wire format (RFC 7301 §3.1: each name prefixed by its one-byte length); read by the
    /// server's ALPN selection callback, which may keep a pointer into it, so it lives as long as `self`.
    let alpnWire: UnsafeMutableBufferPointer<UInt8>

    /// Builds and checks a context.
    ///
    /// - Throws: `TLSError.config` naming the file that could not be read or used, or the invalid setting.
    package init(configuration: TLSConfiguration) throws(TLSError) {
        OpenSSLErrorQueue.clear()
        let wire = try Self.alpnWireFormat(configuration.alpn)
        guard let context = SSL_CTX_new(TLS_method()) else {
            throw Self.configError(file: nil, reason: "OpenSSL could not create a TLS context")
        }
        let alpnWire = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(wire.count, 1))
        _ = alpnWire.initialize(from: wire)
        self.configuration = configuration
        self.context = context
        self.alpnWire = UnsafeMutableBufferPointer(rebasing: alpnWire[0..<wire.count])
        // From here on `deinit` frees both, also when configuration below throws.
        try configure()
    }

    deinit {
        SSL_CTX_free(context)
        alpnWire.deallocate()
    }

    /// Applies `configuration` to `context`.
    private func configure() throws(TLSError) {
        guard wsprobe_SSL_CTX_set_min_proto_version(context, configuration.minimumVersion.openSSLValue) == 1 else {
            throw Self.configError(file: nil, reason: "cannot set the minimum version \(configuration.minimumVersion)")
        }
        if let maximum = configuration.maximumVersion {
            guard maximum.openSSLValue >= configuration.minimumVersion.openSSLValue,
                wsprobe_SSL_CTX_set_max_proto_version(context, maximum.openSSLValue) == 1
            else {
                throw Self.configError(
                    file: nil,
                    reason: "maximum version \(maximum) is below minimum version \(configuration.minimumVersion)"
                )
            }
        }
        _ = wsprobe_SSL_CTX_set_no_renegotiation(context)
        // Keep no idle 16 KiB read/write buffers per connection: a load test holds many idle connections.
        _ = wsprobe_SSL_CTX_set_mode(context, Int(SSL_MODE_RELEASE_BUFFERS))

        switch configuration.role {
        case .client: try configureClient()
        case .server: try configureServer()
        }
    }

    private func configureClient() throws(TLSError) {
        if let caFile = configuration.caFile {
            try Self.requireReadable(caFile)
            guard SSL_CTX_load_verify_locations(context, caFile, nil) == 1 else {
                throw Self.configError(file: caFile, reason: "no PEM CA certificate could be read from it")
            }
        } else if SSL_CTX_set_default_verify_paths(context) != 1 {
            throw Self.configError(file: nil, reason: "cannot load the system trust store")
        }
        // With SSL_VERIFY_NONE OpenSSL still verifies and records the result (reported in TLSSessionInfo), but
        // does not fail the handshake.
        SSL_CTX_set_verify(context, configuration.verifyPeer ? SSL_VERIFY_PEER : SSL_VERIFY_NONE, nil)
        switch (configuration.certificateFile, configuration.keyFile) {
        case (let certificate?, let key?):
            try loadIdentity(certificateFile: certificate, keyFile: key)
        case (let certificate?, nil):
            throw Self.configError(file: certificate, reason: "a client certificate needs a private key file too")
        case (nil, let key?):
            throw Self.configError(file: key, reason: "a private key needs a client certificate file too")
        case (nil, nil):
            break
        }
        if !configuration.alpn.isEmpty {
            // Unusually, SSL_CTX_set_alpn_protos returns 0 on success.
            guard SSL_CTX_set_alpn_protos(context, alpnWire.baseAddress, UInt32(alpnWire.count)) == 0 else {
                throw Self.configError(file: nil, reason: "OpenSSL rejected the ALPN list \(configuration.alpn)")
            }
        }
    }

    private func configureServer() throws(TLSError) {
        guard let certificate = configuration.certificateFile, let key = configuration.keyFile else {
            throw Self.configError(file: nil, reason: "a server needs a certificate chain file and a key file")
        }
        try loadIdentity(certificateFile: certificate, keyFile: key)
        if let caFile = configuration.caFile {
            try Self.requireReadable(caFile)
            guard SSL_CTX_load_verify_locations(context, caFile, nil) == 1,
                let names = SSL_load_client_CA_file(caFile)
            else {
                throw Self.configError(file: caFile, reason: "no PEM CA certificate could be read from it")
            }
            // Takes ownership of `names`: the CA names sent in CertificateRequest.
            SSL_CTX_set_client_CA_list(context, names)
            SSL_CTX_set_verify(context, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nil)
        } else {
            SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)
        }
        if !alpnWire.isEmpty {
            SSL_CTX_set_alpn_select_cb(context, Self.selectALPN, Unmanaged.passUnretained(self).toOpaque())
        }
    }

    /// Loads a certificate (chain) and its key and checks that they belong together.
    private func loadIdentity(certificateFile: String, keyFile: String) throws(TLSError) {
        try Self.requireReadable(certificateFile)
        guard SSL_CTX_use_certificate_chain_file(context, certificateFile) == 1 else {
            throw Self.configError(file: certificateFile, reason: "no PEM certificate could be read from it")
        }
        try Self.requireReadable(keyFile)
        guard SSL_CTX_use_PrivateKey_file(context, keyFile, SSL_FILETYPE_PEM) == 1 else {
            // OpenSSL checks the key against the certificate as it loads it; tell the two failures apart.
            let mismatch = ERR_GET_REASON(ERR_peek_last_error()) == X509_R_KEY_VALUES_MISMATCH
            throw Self.configError(
                file: keyFile,
                reason: mismatch
                    ? "the private key does not match '\(certificateFile)'"
                    : "no PEM private key could be read from it"
            )
        }
        guard SSL_CTX_check_private_key(context) == 1 else {
            throw Self.configError(file: keyFile, reason: "the private key does not match '\(certificateFile)'")
        }
    }

    /// Server ALPN selection (RFC 7301 §3.2): the first protocol in our list the client also offered; with none
    /// in common, continue without ALPN rather than fail (the WebSocket upgrade can still work).
    private static let selectALPN:
        @convention(c) (
            OpaquePointer?,
            UnsafeMutablePointer<UnsafePointer<UInt8>?>?,
            UnsafeMutablePointer<UInt8>?,
            UnsafePointer<UInt8>?,
            UInt32,
            UnsafeMutableRawPointer?
        ) -> Int32 = { _, out, outLength, offered, offeredLength, argument in
            guard let argument, let out, let outLength else { return SSL_TLSEXT_ERR_NOACK }
            let owner = Unmanaged<TLSContext>.fromOpaque(argument).takeUnretainedValue()
            var selected: UnsafeMutablePointer<UInt8>?
            let result = SSL_select_next_proto(
                &selected,
                outLength,
                owner.alpnWire.baseAddress,
                UInt32(owner.alpnWire.count),
                offered,
                offeredLength
            )
            guard result == OPENSSL_NPN_NEGOTIATED, let selected else { return SSL_TLSEXT_ERR_NOACK }
            out.pointee = UnsafePointer(selected)
            return SSL_TLSEXT_ERR_OK
        }
}
