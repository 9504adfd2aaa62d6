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
        if let bad = hostPart.unicodeScalars.first(where: { !Self.isHostScalar($0) }) {
            throw .invalidRequest(reason: "the URL '\(text)' has \(Self.describe(bad)) in its host")
        }
        if let bad = target.unicodeScalars.first(where: { $0.value <= 0x20 || $0.value == 0x7F }) {
            throw .invalidRequest(reason: "the URL '\(text)' has \(Self.describe(bad)) in its path; percent-encode it")
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

    /// Whether `scalar` may appear in a host: an RFC 3986 reg-name (letters, digits, `-._~`, sub-delims, `%`) or
    /// `:` of an IPv6 literal, all ASCII (write an internationalised name in its `xn--` form). Anything else,
    /// such as a space or a line break, would corrupt the request line or the Host header.
    private static func isHostScalar(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return false }
        return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            || "-._~!$&'()*+,;=%:".unicodeScalars.contains(scalar)
    }

    /// A character named for an error message: `a space`, `the control character U+000A`, `the character '<'`.
    private static func describe(_ scalar: Unicode.Scalar) -> String {
        if scalar == " " { return "a space" }
        guard scalar.value < 0x20 || scalar.value == 0x7F else { return "the character '\(scalar)'" }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "the control character U+\(String(repeating: "0", count: 4 - hex.count))\(hex)"
    }

    /// The URL in canonical form, e.g. `wss://example.com/chat` (default port omitted).
    package var text: String {
        let name = self.host.contains(":") ? "[\(self.host)]" : self.host
        let defaultPort = self.isSecure ? 443 : 80
        let port = self.port == defaultPort ? "" : ":\(self.port)"
        return "\(self.isSecure ? "wss" : "ws")://\(name)\(port)\(self.target)"
    }
}
