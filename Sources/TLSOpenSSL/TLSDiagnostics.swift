/// What OpenSSL said when a TLS operation failed: its error queue and the X.509 verification result.
package struct TLSDiagnostics: Sendable, Hashable {
    /// The drained OpenSSL error queue, oldest first, as `ERR_error_string_n` renders it
    /// (e.g. "error:0A000086:SSL routines::certificate verify failed").
    package var openSSLErrors: [String]

    /// `SSL_get_verify_result`: an `X509_V_ERR_*` code, 0 (`X509_V_OK`) when verification passed or never ran.
    package var verifyResult: Int

    /// `X509_verify_cert_error_string(verifyResult)`, e.g. "certificate has expired".
    package var verifyReason: String

    /// Diagnostics with the given queue and verify result.
    package init(openSSLErrors: [String], verifyResult: Int, verifyReason: String) {
        self.openSSLErrors = openSSLErrors
        self.verifyResult = verifyResult
        self.verifyReason = verifyReason
    }
}
