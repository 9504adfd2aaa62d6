/// A label condition such as `code="tls.*"`: a glob (`*` any run, `?` one character), or its negation.
package struct LabelFilter: Sendable, Hashable, CustomStringConvertible {
    package var label: String
    package var pattern: String
    /// `!=` rather than `=`.
    package var negated: Bool

    package init(label: String, pattern: String, negated: Bool = false) {
        self.label = label
        self.pattern = pattern
        self.negated = negated
    }

    /// Whether a label value satisfies this filter.
    package func matches(_ value: String) -> Bool {
        Self.glob(Array(pattern.unicodeScalars), Array(value.unicodeScalars)) != negated
    }

    package var description: String { "\(label)\(negated ? "!=" : "=")\"\(pattern)\"" }

    /// Iterative glob match with backtracking to the last `*` (linear in practice, no recursion).
    private static func glob(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> Bool {
        var p = 0
        var t = 0
        var star: Int?
        var mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                mark = t
                p += 1
            } else if let star {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
