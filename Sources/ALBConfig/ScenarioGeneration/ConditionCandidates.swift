import Foundation

/// Values to try for one condition's subject: ones that make its comparison hold and ones that make it fail.
/// The generator verifies every candidate with `ConditionEvaluator`, so these only need to be likely.
enum ConditionCandidates {
    /// Candidates for which `condition` (with its `negate`) is `wanted`; nil stands for "absent".
    static func values(for condition: RuleCondition, wanted: Bool, current: String?) -> [String?] {
        guard let comparison = condition.condition else { return [] }
        // A negated condition holds where its comparison fails.
        let comparisonHolds = wanted != condition.negate
        let raw =
            comparisonHolds
            ? self.holding(comparison, value: condition.value, subject: condition.type, current: current)
            : self.failing(comparison, value: condition.value, subject: condition.type)
        return self.shaped(raw, subject: condition.type)
    }

    private static func holding(
        _ comparison: RuleCondition.Comparison,
        value: String?,
        subject: RuleCondition.Subject,
        current: String?
    ) -> [String?] {
        let sample = current ?? self.sample(subject)
        guard let value else { return comparison == .exists ? [sample] : [] }
        switch comparison {
        case .exists: return [sample]
        case .equals: return [value]
        case .contains: return [value, "x\(value)x", "/\(value)"]
        case .startsWith: return [value, value + "x"]
        case .endsWith: return [value, "x" + value, "/" + value]
        case .matches: return [self.literal(value), value, sample, "/" + self.literal(value)]
        }
    }

    private static func failing(
        _ comparison: RuleCondition.Comparison,
        value: String?,
        subject: RuleCondition.Subject
    ) -> [String?] {
        let other = self.other(subject)
        if comparison == .exists { return subject.takesKey ? [nil] : [] }
        guard let value else { return [] }
        var values: [String?] = [other, value + "x", "x" + value, "/x" + value, "z"]
        if subject.takesKey { values.append(nil) }
        return values
    }

    /// Paths start with `/`, methods are tokens, hosts are not empty.
    private static func shaped(_ values: [String?], subject: RuleCondition.Subject) -> [String?] {
        var result: [String?] = []
        for value in values {
            switch subject {
            case .path:
                guard let value else { continue }
                result.append(value.hasPrefix("/") ? value : "/" + value)
            case .method:
                guard let value, !value.isEmpty, value.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) else {
                    continue
                }
                result.append(value)
            case .host:
                guard let value, !value.isEmpty, !value.contains("/"), !value.contains(" ") else { continue }
                result.append(value)
            default:
                result.append(value)
            }
        }
        if subject == .method { result += ["GET", "POST", "PUT", "HEAD"] }
        return result
    }

    /// A value that is present and ordinary for the subject.
    private static func sample(_ subject: RuleCondition.Subject) -> String {
        switch subject {
        case .path: "/"
        case .host: "example.com"
        case .method: "GET"
        default: "wsprobe"
        }
    }

    /// A value unlikely to satisfy any rule's comparison.
    private static func other(_ subject: RuleCondition.Subject) -> String {
        switch subject {
        case .path: "/wsprobe-no-match"
        case .host: "no-match.invalid"
        case .method: "POST"
        default: "wsprobe-no-match"
        }
    }

    /// A guess at text a simple pattern matches: anchors and escapes removed, `.*`/`.+` dropped or filled.
    private static func literal(_ pattern: String) -> String {
        var text = pattern
        if text.hasPrefix("^") { text.removeFirst() }
        if text.hasSuffix("$") { text.removeLast() }
        text = text.replacingOccurrences(of: ".*", with: "").replacingOccurrences(of: ".+", with: "x")
        text = text.replacingOccurrences(of: "\\", with: "")
        return text
    }
}
