import COpenSSL

/// A throwaway certificate authority and one server certificate it signed, made in memory with OpenSSL.
///
/// For the embedded TLS target that `wsprobe run` starts when a scenario asks for TLS and names no URL: the
/// run trusts exactly this authority, so verification stays on (chain, hostname, validity) without a file on
/// the machine. Keys are P-256; the server certificate is valid for one day, covers `hostNames` and
/// `ipAddresses`, and is for server authentication only.
package struct EphemeralCertificates: Sendable {
    /// The authority's certificate (PEM), to trust.
    package var authorityPEM: String
    /// The server certificate followed by the authority's (PEM), for the server to send.
    package var chainPEM: String
    /// The server's private key (PKCS #8 PEM).
    package var keyPEM: String

    /// Makes a new authority and server certificate.
    /// - Throws: `TLSError.config` with OpenSSL's reason when a step fails.
    package static func generate(hostNames: [String], ipAddresses: [String] = []) throws(TLSError) -> Self {
        OpenSSLErrorQueue.clear()
        let authorityKey = try Self.newKey()
        defer { EVP_PKEY_free(authorityKey) }
        let serverKey = try Self.newKey()
        defer { EVP_PKEY_free(serverKey) }
        let authority = try CertificateBuilder(subject: "wsprobe ephemeral CA", key: authorityKey)
        defer { X509_free(authority.certificate) }
        try authority.add(NID_basic_constraints, "critical,CA:TRUE", issuer: authority.certificate)
        try authority.add(NID_key_usage, "critical,keyCertSign,cRLSign", issuer: authority.certificate)
        try authority.add(NID_subject_key_identifier, "hash", issuer: authority.certificate)
        try authority.sign(issuer: authority.certificate, key: authorityKey)

        let server = try CertificateBuilder(subject: hostNames.first ?? "localhost", key: serverKey)
        defer { X509_free(server.certificate) }
        let names = hostNames.map { "DNS:\($0)" } + ipAddresses.map { "IP:\($0)" }
        try server.add(NID_basic_constraints, "critical,CA:FALSE", issuer: authority.certificate)
        try server.add(NID_key_usage, "critical,digitalSignature", issuer: authority.certificate)
        try server.add(NID_ext_key_usage, "serverAuth", issuer: authority.certificate)
        try server.add(NID_authority_key_identifier, "keyid", issuer: authority.certificate)
        if !names.isEmpty {
            try server.add(NID_subject_alt_name, names.joined(separator: ","), issuer: authority.certificate)
        }
        try server.sign(issuer: authority.certificate, key: authorityKey)

        let authorityPEM = try PEM.write { PEM_write_bio_X509($0, authority.certificate) }
        let serverPEM = try PEM.write { PEM_write_bio_X509($0, server.certificate) }
        let keyPEM = try PEM.write { PEM_write_bio_PrivateKey($0, serverKey, nil, nil, 0, nil, nil) }
        return Self(authorityPEM: authorityPEM, chainPEM: serverPEM + authorityPEM, keyPEM: keyPEM)
    }

    private static func newKey() throws(TLSError) -> OpaquePointer {
        guard let key = wsprobe_EVP_EC_gen_P256() else { throw Self.failure("cannot generate a P-256 key") }
        return key
    }

    static func failure(_ what: String) -> TLSError {
        let drained = OpenSSLErrorQueue.drain()
        let reason = drained.firstReason.map { "\(what): \($0)" } ?? what
        return .config(
            file: nil,
            reason: reason,
            TLSDiagnostics(openSSLErrors: drained.messages, verifyResult: 0, verifyReason: "")
        )
    }
}

/// One certificate under construction: version 3, random serial, valid from an hour ago for one day.
private struct CertificateBuilder {
    let certificate: OpaquePointer

    init(subject: String, key: OpaquePointer) throws(TLSError) {
        guard let certificate = X509_new() else { throw EphemeralCertificates.failure("X509_new failed") }
        self.certificate = certificate
        var serial = SystemRandomNumberGenerator()
        guard X509_set_version(certificate, 2) == 1,
            ASN1_INTEGER_set_int64(X509_get_serialNumber(certificate), Int64(serial.next() >> 2)) == 1,
            X509_gmtime_adj(X509_getm_notBefore(certificate), -3600) != nil,
            X509_gmtime_adj(X509_getm_notAfter(certificate), 86_400) != nil,
            X509_set_pubkey(certificate, key) == 1,
            let name = X509_get_subject_name(certificate),
            X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, "wsprobe", -1, -1, 0) == 1,
            X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, subject, -1, -1, 0) == 1
        else {
            X509_free(certificate)
            throw EphemeralCertificates.failure("cannot fill in the certificate for \(subject)")
        }
    }

    /// Adds an extension written in OpenSSL's configuration syntax, e.g. `critical,CA:TRUE`.
    func add(_ nid: Int32, _ value: String, issuer: OpaquePointer) throws(TLSError) {
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, issuer, self.certificate, nil, nil, 0)
        guard let ext = X509V3_EXT_conf_nid(nil, &context, nid, value) else {
            throw EphemeralCertificates.failure("cannot add the extension '\(value)'")
        }
        defer { X509_EXTENSION_free(ext) }
        guard X509_add_ext(self.certificate, ext, -1) == 1 else {
            throw EphemeralCertificates.failure("cannot add the extension '\(value)'")
        }
    }

    /// Sets the issuer's name and signs with SHA-256.
    func sign(issuer: OpaquePointer, key: OpaquePointer) throws(TLSError) {
        guard X509_set_issuer_name(self.certificate, X509_get_subject_name(issuer)) == 1,
            X509_sign(self.certificate, key, EVP_sha256()) > 0
        else { throw EphemeralCertificates.failure("cannot sign the certificate") }
    }
}

/// PEM text written through a memory BIO.
private enum PEM {
    static func write(_ body: (OpaquePointer) -> Int32) throws(TLSError) -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { throw EphemeralCertificates.failure("BIO_new failed") }
        defer { BIO_free(bio) }
        guard body(bio) == 1 else { throw EphemeralCertificates.failure("cannot write PEM") }
        var data: UnsafeMutablePointer<CChar>?
        let length = wsprobe_BIO_get_mem_data(bio, &data)
        guard let data, length > 0 else { throw EphemeralCertificates.failure("empty PEM") }
        return String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
    }
}
