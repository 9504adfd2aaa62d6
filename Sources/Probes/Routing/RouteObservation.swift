package import WSProtocol

/// What one upgrade attempt of a routing row or weight check produced.
package enum RouteObservation: Sendable {
    /// The server answered 101; `headers` are the 101's response headers, `messageIdentity` what a probe or
    /// first message revealed (nil when the identity comes from a header or nothing matched).
    case upgraded(headers: HTTPHeaderFields, messageIdentity: String?)
    /// The server answered another status (`Location` is in `headers` for redirects).
    case status(Int, headers: HTTPHeaderFields)
    /// The attempt failed before any HTTP answer (DNS, TCP, TLS, timeout, bad 101), with its stable code.
    case failed(code: String, message: String)

    /// The serving target's identity as `reader` finds it; nil when absent or not upgraded.
    package func identity(_ reader: RouteIdentity) -> String? {
        guard case .upgraded(let headers, let messageIdentity) = self else { return nil }
        switch reader {
        case .header(let name): return headers.combinedValue(named: name)
        case .message: return messageIdentity
        }
    }

    /// A short account for check messages: `101 from B`, `418`, `302 → /v2`, `tcp.refused`.
    package func summary(_ reader: RouteIdentity) -> String {
        switch self {
        case .upgraded:
            return self.identity(reader).map { "101 from \($0)" } ?? reader.missing
        case .status(let status, let headers):
            if let location = headers.combinedValue(named: "Location") { return "\(status) → \(location)" }
            return "\(status)"
        case .failed(let code, _):
            return code
        }
    }
}
