/// Wait for the next message and check it.
package struct ExpectStep: Sendable, Hashable {
    /// What the message must satisfy.
    package enum Match: Sendable, Hashable {
        /// Any message.
        case any
        /// The text (or UTF-8-decoded binary) matches this regular expression somewhere.
        case regex(String)
        /// The message is JSON and the value at `path` (dotted, with `[n]` indexes) equals `value`.
        case json(path: String, value: JSONScalar)
    }

    package var match: Match
    /// How long to wait (default 5 s).
    package var timeout: Duration

    package init(match: Match = .any, timeout: Duration = .seconds(5)) {
        self.match = match
        self.timeout = timeout
    }
}
