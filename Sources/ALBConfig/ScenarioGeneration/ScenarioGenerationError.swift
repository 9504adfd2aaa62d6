package import ResultCodes

/// Why no scenario could be generated.
package enum ScenarioGenerationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The files hold no forwarding rule.
    case noForwardingRule
    /// Several forwarding rules and no choice made; lists their names.
    case ambiguousForwardingRule([String])
    /// `--forwarding-rule` names none of the loaded rules.
    case unknownForwardingRule(String, available: [String])
    /// No base URL given and the forwarding rule has no `listenerIp`.
    case noBaseURL(String)

    /// A stable dotted code.
    package var code: String { self.errorCode.rawValue }

    /// The failure's entry in the code catalogue (docs/codes.md).
    package var errorCode: ErrorCode {
        switch self {
        case .noForwardingRule: .albScenarioNoForwardingRule
        case .ambiguousForwardingRule: .albScenarioAmbiguousForwardingRule
        case .unknownForwardingRule: .albScenarioUnknownForwardingRule
        case .noBaseURL: .albScenarioNoBaseURL
        }
    }

    package var description: String {
        switch self {
        case .noForwardingRule:
            "The files hold no forwarding rule, so there are no routes to generate."
        case .ambiguousForwardingRule(let names):
            "The files hold \(names.count) forwarding rules (\(names.joined(separator: ", "))); choose one with --forwarding-rule."
        case .unknownForwardingRule(let wanted, let names):
            "No forwarding rule has the ID or name '\(wanted)'; the files hold \(names.joined(separator: ", "))."
        case .noBaseURL(let rule):
            "Forwarding rule \(rule) has no listenerIp to build the URL from; pass --base-url wss://host/."
        }
    }
}
