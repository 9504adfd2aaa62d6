import Foundation
package import Scenario

/// Where a routing check reads the serving target's identity (from the scenario's `identity`).
package enum RouteIdentity: Sendable, Hashable {
    /// The value of this 101 response header, name compared case-insensitively (RFC 9110 §5.1).
    case header(String)
    /// A message after the upgrade: send `send` (nil: wait for the first unprompted message), apply `pattern`
    /// to the reply (capture group 1 if present, else the whole match), waiting at most `timeout`.
    case message(send: String?, pattern: String, timeout: Duration)

    /// The identity header used when the scenario names none (`wsprobe serve --id` and embedded targets send it).
    package static let defaultHeader = "X-Wsprobe-Target"

    /// The reader for a scenario's `identity`; none means the default header.
    package init(_ source: IdentitySource?) {
        switch source {
        case .none: self = .header(Self.defaultHeader)
        case .header(let name): self = .header(name)
        case .probe(let message, let pattern, let timeout):
            self = .message(send: message, pattern: pattern, timeout: timeout)
        case .firstMessage(let pattern, let timeout): self = .message(send: nil, pattern: pattern, timeout: timeout)
        }
    }

    /// How a missing identity is described: `101 without a X-Wsprobe-Target header`.
    var missing: String {
        switch self {
        case .header(let name): "101 without a \(name) header"
        case .message(let send, _, _):
            send.map { "101 without an identity in the reply to '\($0)'" }
                ?? "101 without an identity in the first message"
        }
    }

    /// Capture group 1 of `pattern` in `text` if the pattern has one, else the whole match; nil without a match
    /// or for a pattern that does not compile (the scenario loader validates patterns).
    package static func match(_ pattern: String, in text: String) -> String? {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return nil }
        let whole = NSRange(text.startIndex..., in: text)
        guard let found = expression.firstMatch(in: text, range: whole) else { return nil }
        let group = found.numberOfRanges > 1 && found.range(at: 1).location != NSNotFound ? 1 : 0
        guard let range = Range(found.range(at: group), in: text) else { return nil }
        return String(text[range])
    }
}
