import Foundation

/// Evaluates one condition's comparison against a concrete request value, to decide what an upgrade request
/// can and cannot satisfy.
enum ConditionEvaluator {
    /// Whether `comparison value` holds for `candidate` (nil = the header, query or cookie is absent), before
    /// `negate`; nil when it cannot be decided (missing value, invalid regex).
    ///
    /// MATCHES uses ICU regular expressions searching anywhere in the value; the IONOS regex dialect is not
    /// documented, so a pattern ICU rejects is reported and not evaluated.
    static func holds(_ comparison: RuleCondition.Comparison, value: String?, on candidate: String?) -> Bool? {
        if comparison == .exists { return candidate != nil }
        guard let candidate else { return false }
        guard let value else { return nil }
        switch comparison {
        case .exists: return true
        case .contains: return candidate.contains(value)
        case .equals: return candidate == value
        case .startsWith: return candidate.hasPrefix(value)
        case .endsWith: return candidate.hasSuffix(value)
        case .matches:
            guard let expression = regex(value) else { return nil }
            let range = NSRange(candidate.startIndex..., in: candidate)
            return expression.firstMatch(in: candidate, range: range) != nil
        }
    }

    /// Whether the whole condition (with `negate`) holds for `candidate`.
    static func satisfied(_ condition: RuleCondition, by candidate: String?) -> Bool? {
        guard let comparison = condition.condition else { return nil }
        return holds(comparison, value: condition.value, on: candidate).map { $0 != condition.negate }
    }

    /// The compiled pattern, or nil when it is not a valid regular expression.
    static func regex(_ pattern: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: pattern)
    }
}
