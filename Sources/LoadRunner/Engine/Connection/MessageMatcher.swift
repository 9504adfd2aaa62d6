import NIOCore
import Scenario

/// The one place that decides whether received data meets a scenario expectation: script `expect`s and
/// 101 response headers. Compiled regexes are cached per worker, so a pattern compiles once per loop.
struct MessageMatcher {
    private var regexes: [String: Regex<AnyRegexOutput>] = [:]

    /// Whether a message's `payload` satisfies an `expect`.
    mutating func matches(_ payload: ByteBuffer, _ match: ScriptProgram.ExpectMatch) -> Bool {
        switch match {
        case .any:
            return true
        case .regex(let pattern):
            guard let regex = self.regex(pattern) else { return false }
            return (try? regex.firstMatch(in: String(buffer: payload))) != nil
        case .json(let path, let value):
            return JSONFieldMatch.matches(payload, path: path, value: value)
        }
    }

    /// Whether an upgrade response header's values satisfy a scenario's `expect.headers` entry.
    mutating func matches(_ values: [String], _ match: HeaderExpectation.Match) -> Bool {
        switch match {
        case .present:
            return !values.isEmpty
        case .equals(let expected):
            return values.contains(expected)
        case .regex(let pattern):
            guard let regex = self.regex(pattern) else { return false }
            return values.contains { (try? regex.firstMatch(in: $0)) != nil }
        }
    }

    private mutating func regex(_ pattern: String) -> Regex<AnyRegexOutput>? {
        if self.regexes[pattern] == nil { self.regexes[pattern] = try? Regex(pattern) }
        return self.regexes[pattern]
    }
}
