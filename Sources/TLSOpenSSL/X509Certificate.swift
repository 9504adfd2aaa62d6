import COpenSSL

/// Read-only views of an OpenSSL `X509` the caller keeps alive.
enum X509Certificate {
    /// A summary of `certificate` for reports and error messages.
    static func info(_ certificate: OpaquePointer) -> TLSCertificateInfo {
        var days: Int32 = 0
        var seconds: Int32 = 0
        let daysLeft = wsprobe_X509_get_notAfter_days(certificate, &days, &seconds) == 1 ? Int(days) : 0
        return TLSCertificateInfo(
            subject: name(X509_get_subject_name(certificate)),
            issuer: name(X509_get_issuer_name(certificate)),
            subjectAlternativeNames: subjectAlternativeNames(certificate),
            notBefore: utcString(X509_get0_notBefore(certificate)),
            notAfter: utcString(X509_get0_notAfter(certificate)),
            daysLeft: daysLeft
        )
    }

    /// Whether `certificate` is before its notBefore time (`true`), after its notAfter time (`false`), or
    /// within its validity period (`nil`), by the system clock.
    static func validityProblem(_ certificate: OpaquePointer) -> Bool? {
        if X509_cmp_current_time(X509_get0_notBefore(certificate)) > 0 { return true }
        if X509_cmp_current_time(X509_get0_notAfter(certificate)) < 0 { return false }
        return nil
    }

    /// The subject alternative names as OpenSSL prints them ("DNS:localhost", "IP Address:127.0.0.1").
    static func subjectAlternativeNames(_ certificate: OpaquePointer) -> [String] {
        let index = X509_get_ext_by_NID(certificate, NID_subject_alt_name, -1)
        guard index >= 0, let extensionValue = X509_get_ext(certificate, index) else { return [] }
        let printed = withMemoryBIO { bio in X509V3_EXT_print(bio, extensionValue, 0, 0) == 1 }
        return printed.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// An X.509 name in RFC 2253 form, e.g. "CN=localhost,O=wsprobe tests".
    static func name(_ name: OpaquePointer?) -> String {
        guard let name else { return "" }
        return withMemoryBIO { bio in X509_NAME_print_ex(bio, name, 0, wsprobe_XN_FLAG_RFC2253()) >= 0 }
    }

    /// An ASN.1 time as ISO 8601 UTC, e.g. "2026-12-25T19:29:35Z".
    static func utcString(_ time: UnsafePointer<ASN1_TIME>?) -> String {
        var parts = tm()
        guard let time, ASN1_TIME_to_tm(time, &parts) == 1 else { return "unknown" }
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2))"
            + "T\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2))Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Runs `body` with a fresh memory BIO and returns what it wrote, or "" when `body` reports failure.
    private static func withMemoryBIO(_ body: (OpaquePointer) -> Bool) -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { return "" }
        defer { BIO_free(bio) }
        guard body(bio) else { return "" }
        var data: UnsafeMutablePointer<CChar>?
        let length = wsprobe_BIO_get_mem_data(bio, &data)
        guard let data, length > 0 else { return "" }
        return data.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
        }
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(self.drop { $0 == " " || $0 == "\n" }.reversed().drop { $0 == " " || $0 == "\n" }.reversed())
    }
}
