/// One certificate of the peer's chain, as shown in reports.
package struct TLSCertificateInfo: Sendable, Hashable {
    /// Subject in RFC 2253 form, e.g. "CN=localhost,O=wsprobe tests".
    package var subject: String
    /// Issuer in RFC 2253 form.
    package var issuer: String
    /// Subject alternative names as OpenSSL prints them, e.g. ["DNS:localhost", "IP Address:127.0.0.1"].
    package var subjectAlternativeNames: [String]
    /// Start of validity, ISO 8601 UTC ("2026-11-25T19:29:35Z").
    package var notBefore: String
    /// End of validity, ISO 8601 UTC.
    package var notAfter: String
    /// Whole days from now until `notAfter`; negative once expired.
    package var daysLeft: Int

    /// A certificate summary.
    package init(
        subject: String,
        issuer: String,
        subjectAlternativeNames: [String],
        notBefore: String,
        notAfter: String,
        daysLeft: Int
    ) {
        self.subject = subject
        self.issuer = issuer
        self.subjectAlternativeNames = subjectAlternativeNames
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.daysLeft = daysLeft
    }
}
