import COpenSSL

extension TLSEngine {
    /// Removes the brackets of an IPv6 URL host ("[::1]" → "::1").
    static func unbracketed(_ name: String?) -> String? {
        guard let name, name.hasPrefix("["), name.hasSuffix("]") else { return name }
        return String(name.dropFirst().dropLast())
    }

    /// Sets the name to verify and, for host names, SNI. Returns the SNI name sent.
    ///
    /// IP literals are verified against the certificate's IP address entries and never sent as SNI (RFC 6066
    /// §3). Host names match without partial wildcards ("w*.example.com"), per RFC 6125 §7.2. The name is set
    /// even with verification off, so `TLSSessionInfo.verifyResult` can still report a mismatch.
    static func configureName(_ name: String?, on ssl: OpaquePointer) throws(TLSError) -> String? {
        guard let name, !name.isEmpty else { return nil }
        guard let parameters = SSL_get0_param(ssl) else {
            throw TLSContext.configError(file: nil, reason: "OpenSSL has no verification parameters")
        }
        if let address = a2i_IPADDRESS(name) {
            ASN1_OCTET_STRING_free(address)
            guard X509_VERIFY_PARAM_set1_ip_asc(parameters, name) == 1 else {
                throw TLSContext.configError(file: nil, reason: "cannot verify against the address '\(name)'")
            }
            return nil
        }
        X509_VERIFY_PARAM_set_hostflags(parameters, UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS))
        guard X509_VERIFY_PARAM_set1_host(parameters, name, 0) == 1,
            wsprobe_SSL_set_tlsext_host_name(ssl, name) == 1
        else {
            throw TLSContext.configError(file: nil, reason: "'\(name)' is not a usable TLS server name")
        }
        return name
    }

    /// Summarises the completed handshake.
    func sessionInfo() -> TLSSessionInfo {
        var alpnBytes: UnsafePointer<UInt8>?
        var alpnLength: UInt32 = 0
        SSL_get0_alpn_selected(ssl, &alpnBytes, &alpnLength)
        let alpn = alpnBytes.flatMap { bytes in
            alpnLength == 0
                ? nil : String(decoding: UnsafeBufferPointer(start: bytes, count: Int(alpnLength)), as: UTF8.self)
        }
        let cipher = SSL_get_current_cipher(ssl).flatMap { SSL_CIPHER_get_name($0) }.map { String(cString: $0) }
        let configuration = tlsContext.configuration
        return TLSSessionInfo(
            protocolVersion: SSL_get_version(ssl).map { String(cString: $0) } ?? "unknown",
            cipher: cipher ?? "unknown",
            alpn: alpn,
            serverName: sniName,
            peerCertificates: peerCertificates().map(X509Certificate.info),
            verificationSkipped: role == .client ? !configuration.verifyPeer : configuration.caFile == nil,
            verifyResult: Self.verifyReason(Int(SSL_get_verify_result(ssl)))
        )
    }

    /// The peer's certificates, leaf first. Valid until the next SSL call; copy what is needed.
    func peerCertificates() -> [OpaquePointer] {
        var certificates: [OpaquePointer] = []
        if let chain = SSL_get_peer_cert_chain(ssl) {
            for index in 0..<max(0, wsprobe_sk_X509_num(chain)) {
                if let certificate = wsprobe_sk_X509_value(chain, index) { certificates.append(certificate) }
            }
        }
        // A server's view of the chain omits the client's leaf (SSL_get_peer_cert_chain(3)).
        if role == .server, let leaf = SSL_get1_peer_certificate(ssl) {
            X509_free(leaf)  // The session still holds a reference.
            certificates.insert(leaf, at: 0)
        }
        return certificates
    }

    /// Classifies a failed `SSL_do_handshake`, draining the error queue.
    ///
    /// Certificate problems are told apart by the X.509 verify result (`SSL_get_verify_result`), which is
    /// consulted only when verification was enforced, so an `--insecure` client never reports one.
    func handshakeError() -> TLSError {
        let drained = OpenSSLErrorQueue.drain()
        let verifyResult = Int(SSL_get_verify_result(ssl))
        let diagnostics = diagnostics(messages: drained.messages)
        let enforced = role == .client ? tlsContext.configuration.verifyPeer : tlsContext.configuration.caFile != nil
        if enforced && verifyResult != Int(X509_V_OK) {
            return certificateError(verifyResult: verifyResult, diagnostics: diagnostics)
        }
        return .handshakeFailed(reason: describe(drained.firstReason), diagnostics)
    }

    /// Classifies a failed `SSL_read` or `SSL_write` after the handshake, draining the error queue.
    ///
    /// In TLS 1.3 a client finishes its handshake before the server has judged the client certificate
    /// (RFC 8446 §4.4.2.4), so a server's rejection arrives as an alert on the first read. A fatal alert from
    /// the peer before any application data arrived is therefore reported as a handshake failure.
    func failureError() -> TLSError {
        let drained = OpenSSLErrorQueue.drain()
        let diagnostics = diagnostics(messages: drained.messages)
        let reason = describe(drained.firstReason)
        if role == .client && drained.peerAlert && !receivedApplicationDataSoFar {
            return .handshakeFailed(reason: reason, diagnostics)
        }
        return .connectionFailed(reason: reason, diagnostics)
    }

    /// Diagnostics with this connection's verify result.
    func diagnostics(messages: [String]) -> TLSDiagnostics {
        let verifyResult = Int(SSL_get_verify_result(ssl))
        return TLSDiagnostics(
            openSSLErrors: messages,
            verifyResult: verifyResult,
            verifyReason: Self.verifyReason(verifyResult)
        )
    }

    private func certificateError(verifyResult: Int, diagnostics: TLSDiagnostics) -> TLSError {
        let certificates = peerCertificates()
        switch Int32(clamping: verifyResult) {
        case X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH:
            var names = certificates.first.map(X509Certificate.subjectAlternativeNames) ?? []
            if names.isEmpty, let leaf = certificates.first {
                names = [X509Certificate.name(X509_get_subject_name(leaf))]
            }
            return .hostnameMismatch(expected: expectedName ?? "", certificateNames: names, diagnostics)
        case X509_V_ERR_CERT_HAS_EXPIRED, X509_V_ERR_CERT_NOT_YET_VALID:
            let notYetValid = verifyResult == Int(X509_V_ERR_CERT_NOT_YET_VALID)
            let culprit = certificates.first { X509Certificate.validityProblem($0) != nil } ?? certificates.first
            let info = culprit.map(X509Certificate.info)
            return .expired(
                subject: info?.subject ?? "unknown",
                notBefore: info?.notBefore ?? "unknown",
                notAfter: info?.notAfter ?? "unknown",
                notYetValid: notYetValid,
                diagnostics
            )
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY,
            X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE, X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT,
            X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN, X509_V_ERR_CERT_UNTRUSTED, X509_V_ERR_CERT_REJECTED:
            return .untrusted(reason: diagnostics.verifyReason, diagnostics)
        default:
            return .handshakeFailed(reason: "certificate verification failed: \(diagnostics.verifyReason)", diagnostics)
        }
    }

    private static func verifyReason(_ result: Int) -> String {
        X509_verify_cert_error_string(result).map { String(cString: $0) } ?? "verify error \(result)"
    }

    /// The OpenSSL reason, with a hint for the failures people meet most.
    private func describe(_ reason: String?) -> String {
        guard let reason else { return "the peer ended the handshake without a TLS alert" }
        if reason.contains("protocol version") || reason.contains("unsupported protocol") {
            let minimum = tlsContext.configuration.minimumVersion
            let maximum = tlsContext.configuration.maximumVersion.map { " up to \($0)" } ?? " and newer"
            return "\(reason) (no TLS version in common; this side accepts \(minimum)\(maximum))"
        }
        if reason.contains("certificate required") {
            return "\(reason) (the server requires a client certificate: mutual TLS)"
        }
        return reason
    }
}
