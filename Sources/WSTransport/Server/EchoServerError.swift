package import ResultCodes

/// Why an `EchoServer` could not start.
package enum EchoServerError: Error, Sendable, Hashable {
    /// The TLS certificate, key or client CA could not be used; `reason` is the TLS layer's diagnosis.
    case tls(code: ErrorCode, reason: String)
    /// Binding or listening failed.
    case bind(host: String, port: Int, reason: String)
    /// A configuration value is out of range.
    case configuration(String)

    /// The stable, dotted identifier of the failure.
    package var code: String { self.errorCode.rawValue }

    /// The failure's entry in the code catalogue (docs/codes.md).
    package var errorCode: ErrorCode {
        switch self {
        case .tls(let code, _): code
        case .bind: .serveBind
        case .configuration: .serveConfiguration
        }
    }
}

extension EchoServerError: CustomStringConvertible {
    /// A diagnosis for a person.
    package var description: String {
        switch self {
        case .tls(_, let reason):
            "The TLS setup failed: \(reason)"
        case .bind(let host, let port, let reason):
            "Could not listen on \(host):\(port): \(reason)."
        case .configuration(let reason):
            "The serve configuration is invalid: \(reason)."
        }
    }
}
