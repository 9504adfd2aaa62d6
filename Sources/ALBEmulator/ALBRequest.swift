package import Scenario
package import WSProtocol

/// The parts of a request head the emulated ALB's rules look at, parsed once per request.
package struct ALBRequest: Sendable, Equatable {
    /// The method as sent.
    package var method: String
    /// The path of the request target, without the query (not percent-decoded, as ALB path rules compare it).
    package var path: String
    /// Query parameters in order, names and values percent-decoded.
    package var query: [KeyValue]
    /// Every header field, original case kept.
    package var headers: HTTPHeaderFields
    /// Cookies from every `Cookie` field, in order (RFC 6265 §5.4: `name=value` pairs separated by `; `).
    package var cookies: [KeyValue]
    /// The `Host` header's host in lower case, without a port or IPv6 brackets; nil without a `Host`.
    package var host: String?

    /// The request as a rule sees it.
    package init(head: UpgradeRequestHead) {
        self.method = head.method
        self.headers = head.headers
        let target = Self.originForm(head.target)
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        self.path = parts.first.map(String.init) ?? "/"
        self.query = parts.count > 1 ? Self.queryPairs(parts[1]) : []
        self.cookies = head.headers.values(named: "Cookie").flatMap(Self.cookiePairs)
        self.host = head.headers["Host"].map(Self.hostName)
    }

    /// The origin form of a request target: an absolute-form target (RFC 9112 §3.2.2) loses its scheme and
    /// authority, and a fragment (never sent by conforming clients) is dropped.
    static func originForm(_ target: String) -> String {
        var text = Substring(target)
        if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
        if !text.hasPrefix("/"), let scheme = text.firstRange(of: "://") {
            let rest = text[scheme.upperBound...]
            text = rest.firstIndex(where: { $0 == "/" || $0 == "?" }).map { rest[$0...] } ?? "/"
            if text.hasPrefix("?") { return "/" + text }
        }
        return text.isEmpty ? "/" : String(text)
    }

    /// `a=1&b=x%20y` as pairs; a parameter without `=` has an empty value.
    static func queryPairs(_ query: Substring) -> [KeyValue] {
        query.split(separator: "&").map { item in
            let pieces = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.percentDecoded(pieces[0])
            let value = pieces.count > 1 ? Self.percentDecoded(pieces[1]) : ""
            return KeyValue(name, value)
        }
    }

    /// The pairs of one `Cookie` field value.
    static func cookiePairs(_ value: String) -> [KeyValue] {
        value.split(separator: ";").compactMap { item in
            let pair = item.trimmingHTTPWhitespace()
            guard let equals = pair.firstIndex(of: "=") else { return nil }
            let name = pair[..<equals].trimmingHTTPWhitespace()
            var content = pair[pair.index(after: equals)...].trimmingHTTPWhitespace()
            // RFC 6265 §4.1.1: a cookie value may be wrapped in double quotes.
            if content.count >= 2, content.hasPrefix("\""), content.hasSuffix("\"") {
                content = content.dropFirst().dropLast()
            }
            return name.isEmpty ? nil : KeyValue(String(name), String(content))
        }
    }

    /// The host of a `Host` value in lower case: `[::1]:80` → `::1`, `Example.com:8080` → `example.com`, `::1` → `::1`.
    static func hostName(_ value: String) -> String {
        let trimmed = value.trimmingHTTPWhitespace()
        if trimmed.hasPrefix("["), let end = trimmed.firstIndex(of: "]") {
            return trimmed[trimmed.index(after: trimmed.startIndex)..<end].lowercased()
        }
        // One colon separates a port; more than one is a bare IPv6 address, kept whole.
        if trimmed.count(where: { $0 == ":" }) == 1, let colon = trimmed.firstIndex(of: ":") {
            return trimmed[..<colon].lowercased()
        }
        return trimmed.lowercased()
    }

    /// `%XX` sequences decoded as UTF-8 (with replacement); malformed escapes are kept as written.
    static func percentDecoded(_ text: Substring) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let high = Self.hexValue(iterator[iterator.startIndex]),
                let low = Self.hexValue(iterator[iterator.startIndex + 1])
            {
                bytes.append(high << 4 | low)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
