package import ResultCodes

/// Why a TLS context could not be built or a TLS connection failed.
///
/// Each case has a stable `code` (shown in every report and counted in error summaries) and a `description`
/// for a person. Every case carries `TLSDiagnostics`: the drained OpenSSL error queue and the verify result.
package enum TLSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The peer's chain does not lead to a trusted CA: unknown CA, self-signed, or intermediates missing.
    case untrusted(reason: String, TLSDiagnostics)

    /// The certificate is valid but for other names. `certificateNames` lists its subject alternative names
    /// (or its common name when it has none), e.g. `["DNS:wrong.example.com"]`.
    case hostnameMismatch(expected: String, certificateNames: [String], TLSDiagnostics)

    /// A certificate in the chain is outside its validity period.
    case expired(subject: String, notBefore: String, notAfter: String, notYetValid: Bool, TLSDiagnostics)

    /// Any other handshake failure: no common version or cipher, a fatal alert from the peer (including a
    /// server that requires a client certificate), malformed messages, or the connection closing mid-handshake.
    case handshakeFailed(reason: String, TLSDiagnostics)

    /// A fatal TLS error after the handshake: a bad record, an unexpected message, a fatal alert.
    case connectionFailed(reason: String, TLSDiagnostics)

    /// The configuration cannot be used: a missing or unreadable file, bad PEM, a key that does not match its
    /// certificate, an invalid ALPN name. `file` names the offending file when there is one.
    case config(file: String?, reason: String, TLSDiagnostics)

    /// Stable identifier: `tls.untrusted`, `tls.hostname-mismatch`, `tls.expired`, `tls.handshake`,
    /// `tls.protocol` or `tls.config`.
    package var code: String { self.errorCode.rawValue }

    /// The failure's entry in the code catalogue (docs/codes.md).
    package var errorCode: ErrorCode {
        switch self {
        case .untrusted: return .tlsUntrusted
        case .hostnameMismatch: return .tlsHostnameMismatch
        case .expired: return .tlsExpired
        case .handshakeFailed: return .tlsHandshake
        case .connectionFailed: return .tlsProtocol
        case .config: return .tlsConfig
        }
    }

    /// The OpenSSL error queue and verify result behind this error.
    package var diagnostics: TLSDiagnostics {
        switch self {
        case .untrusted(_, let diagnostics),
            .hostnameMismatch(_, _, let diagnostics),
            .expired(_, _, _, _, let diagnostics),
            .handshakeFailed(_, let diagnostics),
            .connectionFailed(_, let diagnostics),
            .config(_, _, let diagnostics):
            return diagnostics
        }
    }

    /// A diagnosis for a person, ending with the OpenSSL errors when there are any.
    package var description: String {
        let summary: String
        switch self {
        case .untrusted(let reason, _):
            summary =
                "The certificate the peer presented is not trusted (\(reason)). Pass the issuing CA with --cacert "
                + "(target.tls.cacert in a scenario), make the server send its intermediate certificates, or use "
                + "--insecure (target.tls.insecure) to skip verification."
        case .hostnameMismatch(let expected, let names, _):
            let covered = names.isEmpty ? "no names" : names.joined(separator: ", ")
            summary = "The certificate does not cover '\(expected)'; it covers \(covered)."
        case .expired(let subject, let notBefore, let notAfter, let notYetValid, _):
            summary =
                notYetValid
                ? "The certificate '\(subject)' is not valid yet: it starts on \(notBefore) (check the clock)."
                : "The certificate '\(subject)' expired on \(notAfter)."
        case .handshakeFailed(let reason, _):
            summary = "The TLS handshake failed: \(reason)."
        case .connectionFailed(let reason, _):
            summary = "The TLS connection failed after the handshake: \(reason)."
        case .config(let file, let reason, _):
            summary =
                if let file { "TLS configuration error in '\(file)': \(reason)." } else {
                    "TLS configuration error: \(reason)."
                }
        }
        let errors = diagnostics.openSSLErrors
        return errors.isEmpty ? summary : summary + " OpenSSL: " + errors.joined(separator: "; ")
    }
}
