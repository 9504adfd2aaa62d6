extension Redaction {
    /// Any text with its secrets hidden: every registered secret wherever it appears, the userinfo of every
    /// URL (`wss://user:pass@h` → `wss://user:[redacted]@h`) and the values of sensitive query parameters
    /// (`?token=…`, `&sig=…`) in URLs and request lines. Everything else is kept byte for byte, so the step
    /// is safe on rendered JSON, HTML and XML: a query ends at a quote, `<`, `>`, `\`, `#` or white space.
    package static func redact(text: String) -> String {
        guard !Self.showsSecrets else { return text }
        var result = text
        for secret in Self.registeredSecrets where result.contains(secret) {
            result = result.replacing(secret, with: Self.marker)
        }
        if result.contains("://") { result = Self.redactUserInfo(in: result) }
        if result.contains("?"), result.contains("=") { result = Self.redactQueries(in: result) }
        return result
    }

    /// Characters that end a URL (or its query) inside free text.
    private static func endsURL(_ character: Character) -> Bool {
        character.isWhitespace || "\"'<>\\`#".contains(character)
    }

    /// Replaces the userinfo of every `scheme://userinfo@host`: the password when there is one, else all.
    private static func redactUserInfo(in text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let separator = rest.firstRange(of: "://") {
            result += rest[..<separator.upperBound]
            rest = rest[separator.upperBound...]
            let authorityEnd = rest.firstIndex { Self.endsURL($0) || "/?".contains($0) } ?? rest.endIndex
            let authority = rest[..<authorityEnd]
            guard let at = authority.lastIndex(of: "@") else { continue }
            let userInfo = authority[..<at]
            if let colon = userInfo.firstIndex(of: ":") {
                result += userInfo[..<colon] + ":" + Self.marker
            } else {
                result += Self.marker
            }
            rest = rest[at...]
        }
        return result + rest
    }

    /// Replaces the values of sensitive parameters in every `?name=value&…` run of `text`.
    private static func redactQueries(in text: String) -> String {
        var result = ""
        var inQuery = false
        var pair = ""
        func flush() {
            if let equals = pair.firstIndex(of: "="), Self.isSensitive(name: String(pair[..<equals])) {
                result += pair[..<equals] + "=" + Self.marker
            } else {
                result += pair
            }
            pair = ""
        }
        for character in text {
            if inQuery {
                if character == "&" || character == ";" {
                    flush()
                    result.append(character)
                } else if Self.endsURL(character) {
                    flush()
                    inQuery = false
                    result.append(character)
                } else {
                    pair.append(character)
                }
            } else {
                result.append(character)
                if character == "?" { inQuery = true }
            }
        }
        if inQuery { flush() }
        return result
    }
}
