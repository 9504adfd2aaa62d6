package import WSProtocol

/// What one upgrade attempt of a routing row or weight check produced.
package enum RouteObservation: Sendable {
    /// The server answered 101; `headers` are the 101's response headers.
    case upgraded(headers: HTTPHeaderFields)
    /// The server answered another status (`Location` is in `headers` for redirects).
    case status(Int, headers: HTTPHeaderFields)
    /// The attempt failed before any HTTP answer (DNS, TCP, TLS, timeout, bad 101), with its stable code.
    case failed(code: String, message: String)

    /// The identity in header `name` (compared case-insensitively, RFC 9110 §5.1); nil when absent or not upgraded.
    package func identity(header name: String) -> String? {
        guard case .upgraded(let headers) = self else { return nil }
        return headers.combinedValue(named: name)
    }

    /// A short account for check messages: `101 from B`, `418`, `302 → /v2`, `tcp.refused`.
    package func summary(identityHeader: String) -> String {
        switch self {
        case .upgraded:
            if let identity = self.identity(header: identityHeader) { return "101 from \(identity)" }
            return "101 without a \(identityHeader) header"
        case .status(let status, let headers):
            if let location = headers.combinedValue(named: "Location") { return "\(status) → \(location)" }
            return "\(status)"
        case .failed(let code, _):
            return code
        }
    }
}
