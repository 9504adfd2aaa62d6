extension ErrorCode {
    package static let tlsUntrusted = ErrorCode(
        "tls.untrusted",
        .tls,
        "the server's chain does not lead to a trusted CA (unknown CA, self-signed, missing intermediates)"
    )
    package static let tlsHostnameMismatch = ErrorCode(
        "tls.hostname-mismatch",
        .tls,
        "the certificate is valid but for other names"
    )
    package static let tlsExpired = ErrorCode(
        "tls.expired",
        .tls,
        "a certificate in the chain is outside its validity period"
    )
    package static let tlsHandshake = ErrorCode(
        "tls.handshake",
        .tls,
        "the TLS handshake failed otherwise (no common version or cipher, a fatal alert, a required client certificate)"
    )
    package static let tlsProtocol = ErrorCode(
        "tls.protocol",
        .open,
        "a fatal TLS error after the handshake (a bad record, an unexpected message, a fatal alert)"
    )
    package static let tlsConfig = ErrorCode(
        "tls.config",
        nil,
        "the TLS configuration cannot be used (unreadable file, bad PEM, a key that does not match)",
        exitStatus: 3
    )
}

extension ErrorCodeFamily {
    /// TLS (`TLSError`).
    package static let tls = ErrorCodeFamily(
        title: "TLS",
        summary: "The TLS handshake, certificate verification and TLS files (`TLSError`).",
        codes: [.tlsUntrusted, .tlsHostnameMismatch, .tlsExpired, .tlsHandshake, .tlsProtocol, .tlsConfig]
    )
}
