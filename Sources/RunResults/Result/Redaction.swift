package import Scenario

/// Removes secrets from what a report shows: header values, cookie values and query parameters
/// that carry credentials.
///
/// Reports are attached to CI runs and shared, so a value is replaced by ``marker`` when its name is
/// `Authorization`, `Proxy-Authorization`, `Cookie` or `Set-Cookie`, or contains `token`, `secret`,
/// `key`, `password` or `credential` (case-insensitive). `key` is deliberately broad: it also hides
/// `Sec-WebSocket-Key` (a random nonce, no loss) and TLS key paths (a file name is no secret, but
/// nothing is lost by hiding it either), and it catches `api-key`, `x-api-key` and `apikey`.
package enum Redaction {
    /// What a redacted value reads as.
    package static let marker = "[redacted]"

    private static let exactNames: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "cookies",
    ]
    private static let fragments = ["token", "secret", "key", "password", "passwd", "credential"]

    /// Whether a header, field or parameter with this name holds a secret.
    package static func isSensitive(name: String) -> Bool {
        let lower = name.lowercased()
        if Self.exactNames.contains(lower) { return true }
        return Self.fragments.contains { lower.contains($0) }
    }

    /// `value`, or ``marker`` when `name` is sensitive.
    package static func value(_ value: String, forName name: String) -> String {
        Self.isSensitive(name: name) ? Self.marker : value
    }

    /// A scenario document with every sensitive value replaced.
    ///
    /// Handles the three ways a scenario writes headers: a map (`Authorization: Bearer x`), a list of
    /// `{name, value}` objects, and a list of `"Name: value"` strings. Any string that looks like a URL
    /// has its sensitive query parameters replaced too (`?token=…`).
    package static func redact(_ document: JSONValue) -> JSONValue {
        switch document {
        case .object(let members):
            if let name = members["name"]?.stringValue, Self.isSensitive(name: name), members["value"] != nil {
                var copy = members.mapValues(Self.redact)
                copy["value"] = .string(Self.marker)
                return .object(copy)
            }
            var copy: [String: JSONValue] = [:]
            for (key, value) in members {
                copy[key] = Self.isSensitive(name: key) ? Self.redactedLeaf(value) : Self.redact(value)
            }
            return .object(copy)
        case .array(let elements):
            return .array(elements.map(Self.redact))
        case .string(let text):
            return .string(Self.redact(text: text))
        case .null, .bool, .integer, .number:
            return document
        }
    }

    /// A sensitive member: scalars become the marker, containers keep their shape with every scalar
    /// replaced (so a `cookies:` map still shows which cookies were sent).
    private static func redactedLeaf(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members): .object(members.mapValues(Self.redactedLeaf))
        case .array(let elements): .array(elements.map(Self.redactedLeaf))
        case .null: .null
        case .bool, .integer, .number, .string: .string(Self.marker)
        }
    }

    /// A `"Name: value"` header line with a sensitive name, or any text with query parameters
    /// (`wss://h/p?token=…`, `GET /p?token=… HTTP/1.1`), with the secret values redacted; other text
    /// unchanged.
    package static func redact(text: String) -> String {
        if let colon = text.firstIndex(of: ":"), !text.contains("://") {
            let name = String(text[..<colon]).trimmingSpaces
            if !name.isEmpty, !name.contains(" "), Self.isSensitive(name: name) { return name + ": " + Self.marker }
        }
        guard text.contains("?"), text.contains("=") else { return text }
        return Self.redactQueries(in: text)
    }

    /// Replaces the values of sensitive parameters in every `?name=value&…` run of `text`; a query
    /// ends at whitespace or `#`.
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
                } else if character == "#" || character.isWhitespace {
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

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}

extension Redaction {
    /// A command line with secrets replaced: values of `-H/--header` that name a sensitive header,
    /// `--set key=value` and `--flag=value` pairs whose key is sensitive, and secret query parameters.
    package static func redact(commandLine arguments: [String]) -> [String] {
        arguments.map { argument in
            if argument.hasPrefix("-"), let equals = argument.firstIndex(of: "=") {
                let name = String(argument[..<equals])
                if Self.isSensitive(name: name) { return name + "=" + Self.marker }
                let value = String(argument[argument.index(after: equals)...])
                return name + "=" + Self.redact(argumentValue: value)
            }
            return Self.redact(argumentValue: argument)
        }
    }

    private static func redact(argumentValue value: String) -> String {
        if let equals = value.firstIndex(of: "="), !value.contains("://"), !value.contains(":") {
            let key = String(value[..<equals])
            if Self.isSensitive(name: key) { return key + "=" + Self.marker }
        }
        return Self.redact(text: value)
    }
}
