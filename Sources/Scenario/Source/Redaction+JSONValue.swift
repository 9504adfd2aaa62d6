package import SecretRedaction

extension Redaction {
    /// A scenario document with every sensitive value replaced (unchanged with `--show-secrets`).
    ///
    /// Handles the three ways a scenario writes headers: a map (`Authorization: Bearer x`), a list of
    /// `{name, value}` objects, and a list of `"Name: value"` strings; members whose key is sensitive
    /// (`cookies`, `token`, `apiKey`, …) keep their shape with every scalar replaced. Any other string
    /// goes through ``redact(text:)`` (`wss://h/p?token=…`).
    package static func redact(_ document: JSONValue) -> JSONValue {
        guard !Self.showsSecrets else { return document }
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
            return .string(Self.redact(fieldLine: text))
        case .null, .bool, .integer, .number:
            return document
        }
    }

    /// Registers every value ``redact(_:)`` would hide (see ``register(secret:)``), and the secrets of
    /// every URL in the document, so they are hidden wherever else they appear.
    package static func register(secretsIn document: JSONValue) {
        switch document {
        case .object(let members):
            if let name = members["name"]?.stringValue, Self.isSensitive(name: name),
                let value = members["value"]?.stringValue
            {
                Self.register(secret: value)
            }
            for (key, value) in members {
                if Self.isSensitive(name: key) {
                    Self.registerLeaves(value)
                } else {
                    Self.register(secretsIn: value)
                }
            }
        case .array(let elements):
            elements.forEach(Self.register(secretsIn:))
        case .string(let text):
            Self.register(secretsInURLs: text)
            if let colon = text.firstIndex(of: ":"), Self.isSensitive(name: String(text[..<colon])) {
                Self.register(secret: String(text[text.index(after: colon)...]))
            }
        case .null, .bool, .integer, .number:
            break
        }
    }

    private static func registerLeaves(_ value: JSONValue) {
        switch value {
        case .object(let members): members.values.forEach(Self.registerLeaves)
        case .array(let elements): elements.forEach(Self.registerLeaves)
        case .string(let text): Self.register(secret: text)
        case .integer(let number): Self.register(secret: String(number))
        case .null, .bool, .number: break
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
}
