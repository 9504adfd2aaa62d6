/// A check on one response header.
package struct HeaderExpectation: Sendable, Hashable {
    /// How the header's value is compared.
    package enum Match: Sendable, Hashable {
        /// Exactly this value.
        case equals(String)
        /// Matches this regular expression (Swift `Regex` syntax, searched anywhere in the value).
        case regex(String)
        /// Present with any value.
        case present
    }

    /// Header name, compared case-insensitively (RFC 7230 §3.2).
    package var name: String
    package var match: Match

    package init(name: String, match: Match) {
        self.name = name
        self.match = match
    }
}
