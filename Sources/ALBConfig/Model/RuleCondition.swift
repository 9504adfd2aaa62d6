/// One entry of an HTTP rule's `conditions`, evaluated on the WebSocket upgrade request only.
package struct RuleCondition: Sendable, Hashable {
    /// `type`: which part of the request is tested.
    package enum Subject: String, Sendable, Hashable, CaseIterable {
        case header = "HEADER"
        case path = "PATH"
        case query = "QUERY"
        case method = "METHOD"
        case host = "HOST"
        case cookie = "COOKIE"
        case sourceIP = "SOURCE_IP"

        /// Whether the API allows a `key` (HEADER, QUERY, COOKIE name the header, parameter or cookie).
        package var takesKey: Bool {
            self == .header || self == .query || self == .cookie
        }
    }

    /// `condition`: how the value is compared.
    package enum Comparison: String, Sendable, Hashable, CaseIterable {
        case exists = "EXISTS"
        case contains = "CONTAINS"
        case equals = "EQUALS"
        case matches = "MATCHES"
        case startsWith = "STARTS_WITH"
        case endsWith = "ENDS_WITH"
    }

    /// `type`.
    package var type: Subject
    /// `condition`; must be null for SOURCE_IP and is mandatory otherwise.
    package var condition: Comparison?
    /// `negate` (default false).
    package var negate: Bool
    /// `key`; only for HEADER, QUERY and COOKIE.
    package var key: String?
    /// `value`; mandatory except for EXISTS (where it must be null); a CIDR for SOURCE_IP.
    package var value: String?
    /// Where the condition object is in its file.
    package var source: SourceLocation

    package init(
        type: Subject,
        condition: Comparison?,
        negate: Bool = false,
        key: String? = nil,
        value: String? = nil,
        source: SourceLocation
    ) {
        self.type = type
        self.condition = condition
        self.negate = negate
        self.key = key
        self.value = value
        self.source = source
    }

    /// The condition without its location, for comparing rules: header names compare case-insensitively
    /// (RFC 9110 §5.1), everything else exactly.
    package var signature: String {
        let normalizedKey = type == .header ? key?.lowercased() : key
        return [
            type.rawValue, condition?.rawValue ?? "-", negate ? "not" : "is", normalizedKey ?? "-", value ?? "-",
        ]
        .joined(separator: "\u{1F}")
    }

    /// A readable form for messages: `HEADER Upgrade EQUALS "websocket"`.
    package var summary: String {
        var parts = [type.rawValue]
        if let key { parts.append(key) }
        if negate { parts.append("NOT") }
        if let condition { parts.append(condition.rawValue) }
        if let value { parts.append("\"\(value)\"") }
        return parts.joined(separator: " ")
    }
}
