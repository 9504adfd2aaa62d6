/// A parsed `ws://` or `wss://` URL: what the connector dials and what the upgrade request names.
package struct WebSocketURL: Sendable, Equatable, CustomStringConvertible {
    /// True for `wss://`.
    package var isSecure: Bool
    /// The host as written, without IPv6 brackets (`example.com`, `127.0.0.1`, `::1`).
    package var host: String
    /// The port; 80 or 443 when the URL names none (RFC 6455 §3).
    package var port: Int
    /// The request target: path and query, at least `/`.
    package var requestTarget: String

    /// The default port for the scheme.
    package var defaultPort: Int { self.isSecure ? 443 : 80 }

    /// True when the host is an IPv4 or IPv6 literal (no DNS, no SNI).
    package var hostIsIPLiteral: Bool { Self.isIPLiteral(self.host) }

    /// The URL as text again, brackets restored.
    package var description: String {
        let scheme = self.isSecure ? "wss" : "ws"
        let hostPart = self.host.contains(":") ? "[\(self.host)]" : self.host
        let portPart = self.port == self.defaultPort ? "" : ":\(self.port)"
        return "\(scheme)://\(hostPart)\(portPart)\(self.requestTarget)"
    }

    /// Parses `ws[s]://host[:port][/path][?query]`; `http(s)://` is accepted as an alias, as browsers do.
    /// - Throws: `ConnectError.invalidURL` naming what is wrong.
    package init(parsing text: String) throws(ConnectError) {
        let lowered = text.lowercased()
        let schemes: [(String, Bool)] = [("wss://", true), ("ws://", false), ("https://", true), ("http://", false)]
        guard let (prefix, secure) = schemes.first(where: { lowered.hasPrefix($0.0) }) else {
            throw .invalidURL(text, reason: "the scheme must be ws:// or wss://")
        }
        var rest = Substring(text.dropFirst(prefix.count))
        if let fragment = rest.firstIndex(of: "#") {
            rest = rest[..<fragment]
        }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var target = String(rest[authorityEnd...])
        if target.isEmpty || target.first == "?" {
            target = "/" + target
        }
        if authority.contains("@") {
            throw .invalidURL(text, reason: "user information in the URL is not supported; use -H Authorization")
        }
        let (host, port) = try Self.splitAuthority(authority, secure: secure, url: text)
        self.isSecure = secure
        self.host = host
        self.port = port
        self.requestTarget = target
    }

    private static func splitAuthority(
        _ authority: Substring,
        secure: Bool,
        url: String
    ) throws(ConnectError) -> (String, Int) {
        var host: Substring
        var portText: Substring?
        if authority.first == "[" {
            guard let close = authority.firstIndex(of: "]") else {
                throw .invalidURL(url, reason: "an IPv6 address is missing its closing ']'")
            }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":" else { throw .invalidURL(url, reason: "unexpected text after ']'") }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        guard !host.isEmpty else { throw .invalidURL(url, reason: "the host is empty") }
        var port = secure ? 443 : 80
        if let portText {
            guard let value = Int(portText), (1...65_535).contains(value) else {
                throw .invalidURL(url, reason: "the port '\(portText)' is not a number from 1 to 65535")
            }
            port = value
        }
        return (String(host), port)
    }

    /// True for dotted-quad IPv4 and for anything with a colon (IPv6).
    static func isIPLiteral(_ host: String) -> Bool {
        if host.contains(":") { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { UInt8($0) != nil }
    }
}
