import Foundation

/// Evaluates one condition's comparison against a concrete request value, to decide what an upgrade request
/// can and cannot satisfy.
///
/// IONOS does not document whether comparisons are case-sensitive, so callers evaluate both ways and only
/// call a condition unsatisfiable when it fails under either reading.
enum ConditionEvaluator {
    /// How text is compared.
    enum CaseMode: CaseIterable {
        case sensitive
        case insensitive
    }

    /// Whether `comparison value` holds for `candidate` (nil = the header, query or cookie is absent), before
    /// `negate`; nil when it cannot be decided (missing value, invalid regex).
    ///
    /// MATCHES uses ICU regular expressions searching anywhere in the value; the IONOS regex dialect is not
    /// documented, so a pattern ICU rejects is reported and not evaluated.
    static func holds(
        _ comparison: RuleCondition.Comparison,
        value: String?,
        on candidate: String?,
        mode: CaseMode = .sensitive
    ) -> Bool? {
        if comparison == .exists { return candidate != nil }
        guard let candidate else { return false }
        guard let value else { return nil }
        let subject = mode == .sensitive ? candidate : candidate.lowercased()
        let pattern = mode == .sensitive ? value : value.lowercased()
        switch comparison {
        case .exists: return true
        case .contains: return subject.contains(pattern)
        case .equals: return subject == pattern
        case .startsWith: return subject.hasPrefix(pattern)
        case .endsWith: return subject.hasSuffix(pattern)
        case .matches:
            guard let expression = regex(value, caseInsensitive: mode == .insensitive) else { return nil }
            let range = NSRange(candidate.startIndex..., in: candidate)
            return expression.firstMatch(in: candidate, range: range) != nil
        }
    }

    /// Whether the whole condition (with `negate`) holds for `candidate`.
    static func satisfied(_ condition: RuleCondition, by candidate: String?, mode: CaseMode = .sensitive) -> Bool? {
        guard let comparison = condition.condition else { return nil }
        return holds(comparison, value: condition.value, on: candidate, mode: mode).map { $0 != condition.negate }
    }

    /// The compiled pattern, or nil when it is not a valid regular expression.
    static func regex(_ pattern: String, caseInsensitive: Bool = false) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
    }
}
