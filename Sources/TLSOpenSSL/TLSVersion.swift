import COpenSSL

/// A TLS protocol version wsprobe can require or cap.
///
/// TLS 1.0 and 1.1 are not offered at all (RFC 8996 deprecates them), so the lowest choice is 1.2.
package enum TLSVersion: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// TLS 1.2 (RFC 5246).
    case tls12 = "TLSv1.2"
    /// TLS 1.3 (RFC 8446).
    case tls13 = "TLSv1.3"

    /// The name OpenSSL reports for it (`SSL_get_version`), e.g. "TLSv1.3".
    package var description: String { rawValue }

    /// The OpenSSL protocol constant for `SSL_CTX_set_min_proto_version`.
    var openSSLValue: Int32 {
        switch self {
        case .tls12: return TLS1_2_VERSION
        case .tls13: return TLS1_3_VERSION
        }
    }
}
