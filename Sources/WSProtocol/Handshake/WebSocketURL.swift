/// A `ws://` or `wss://` URI split into what the opening handshake needs (RFC 6455 §3).
///
/// ```
/// ws-URI  = "ws:" "//" host [ ":" port ] path [ "?" query ]
/// wss-URI = "wss:" "//" host [ ":" port ] path [ "?" query ]
/// ```
/// The path and query are kept as written (already percent-encoded); an empty path becomes `/`.
package struct WebSocketURL: Sendable, Equatable {
    /// Whether the scheme is `wss`.
    package var isSecure: Bool
    /// The host: a name, an IPv4 literal, or an IPv6 literal without brackets.
    package var host: String
    /// The port, defaulting to 80 for `ws` and 443 for `wss`.
    package var port: Int
    /// The request target: path plus optional `?query`.
    package var target: String

    /// Parses `text`.
    /// - Throws: `.invalidRequest` naming what is wrong: another scheme, userinfo, a fragment (RFC 6455 §3
    ///   forbids it), an empty host, or a port outside 1-65535.
    package init(_ text: String) throws(HandshakeError) {
        let lowered = text.lowercased()
        let rest: Substring
        if lowered.hasPrefix("ws://") {
            self.isSecure = false
            rest = text.dropFirst(5)
        } else if lowered.hasPrefix("wss://") {
            self.isSecure = true
            rest = text.dropFirst(6)
        } else {
            throw .invalidRequest(reason: "the URL '\(text)' does not start with ws:// or wss://")
        }
        guard !rest.contains("#") else {
            throw .invalidRequest(reason: "the URL '\(text)' has a fragment, which RFC 6455 §3 does not allow")
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = rest[rest.startIndex..<authorityEnd]
        let target = rest[authorityEnd...]
        guard !authority.contains("@") else {
            throw .invalidRequest(reason: "the URL '\(text)' carries credentials; send an Authorization header instead")
        }
        var hostPart = authority
        var portPart: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw .invalidRequest(reason: "the URL '\(text)' has an unclosed IPv6 literal")
            }
            hostPart = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else {
                    throw .invalidRequest(reason: "the URL '\(text)' has text after its IPv6 literal")
                }
                portPart = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[authority.startIndex..<colon]
            portPart = authority[authority.index(after: colon)...]
        }
        guard !hostPart.isEmpty else {
            throw .invalidRequest(reason: "the URL '\(text)' has no host")
        }
        if let portPart {
            guard portPart.utf8.count <= 5, portPart.utf8.allSatisfy({ (48...57).contains($0) }),
                let port = Int(portPart), (1...65535).contains(port)
            else {
                throw .invalidRequest(reason: "the URL '\(text)' has the port '\(portPart)', not a number 1-65535")
            }
            self.port = port
        } else {
            self.port = self.isSecure ? 443 : 80
        }
        self.host = String(hostPart)
        self.target = target.isEmpty ? "/" : (target.hasPrefix("?") ? "/" + target : String(target))
    }

    /// The URL in canonical form, e.g. `wss://example.com/chat` (default port omitted).
    package var text: String {
        let name = self.host.contains(":") ? "[\(self.host)]" : self.host
        let defaultPort = self.isSecure ? 443 : 80
        let port = self.port == defaultPort ? "" : ":\(self.port)"
        return "\(self.isSecure ? "wss" : "ws")://\(name)\(port)\(self.target)"
    }
}
