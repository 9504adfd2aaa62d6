/// Checks an `ALBConfiguration` for WebSocket hazards and configuration errors; pure and deterministic.
///
/// The rules follow the IONOS Cloud API v6 documentation and its WebSocket guide (see `docs/alb-lint.md`):
/// conditions are evaluated only on the upgrade request, non-FORWARD rules run before FORWARD rules,
/// `clientTimeout` (default 50 000 ms) is the only idle timeout, and `httpHealthCheck` marks WebSocket
/// targets unavailable.
package struct ALBLinter: Sendable {
    /// What the lint knows about the traffic (heartbeat, source addresses).
    package var options: LintOptions

    package init(options: LintOptions = LintOptions()) {
        self.options = options
    }

    /// Every finding, grouped by file in the order the files were given, then in discovery order.
    package func lint(_ configuration: ALBConfiguration) -> [LintFinding] {
        var findings: [LintFinding] = []
        checkDuplicateIDs(configuration, into: &findings)
        for forwardingRule in configuration.forwardingRules {
            checkClientTimeout(forwardingRule, into: &findings)
            checkForwardRulePresence(forwardingRule, into: &findings)
            for rule in forwardingRule.httpRules {
                checkAction(rule, in: configuration, into: &findings)
                for condition in rule.conditions {
                    checkCondition(condition, in: rule, into: &findings)
                }
                checkContradictions(rule, into: &findings)
            }
            checkRuleOrder(forwardingRule, into: &findings)
        }
        checkTargetGroupsPresent(configuration, into: &findings)
        for group in configuration.targetGroups {
            let usage = usage(of: group, in: configuration)
            checkHealthChecks(group, usage: usage, into: &findings)
            checkTargets(group, usage: usage, into: &findings)
            checkAlgorithm(group, into: &findings)
            checkProtocolVersion(group, into: &findings)
        }
        let order = Dictionary(
            configuration.files.enumerated().map { ($1, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        return findings.enumerated()
            .sorted { lhs, rhs in
                let left = order[lhs.element.location.file] ?? Int.max
                let right = order[rhs.element.location.file] ?? Int.max
                return left != right ? left < right : lhs.offset < rhs.offset
            }
            .map(\.element)
    }

    /// Whether the loaded forwarding rules send requests to a target group, which decides how loud its
    /// findings are: a group no loaded rule uses may not carry WebSockets at all.
    enum Usage {
        /// A FORWARD rule names it; the strings are the rules' display names.
        case forwardedBy([String])
        /// Forwarding rules were loaded but none names it.
        case unused
        /// No forwarding rules were loaded, so every group is assumed to carry WebSockets.
        case unknown

        /// Error when WebSockets go (or may go) there, warning for a group no loaded rule uses.
        var hazardSeverity: LintSeverity {
            if case .unused = self { return .warning }
            return .error
        }

        /// " (used by FORWARD rule "chat")", or a note that no loaded rule uses the group.
        var note: String {
            switch self {
            case .forwardedBy(let names): " (used by \(names.joined(separator: ", ")))"
            case .unused: " (no loaded FORWARD rule uses this group)"
            case .unknown: ""
            }
        }
    }

    func usage(of group: TargetGroup, in configuration: ALBConfiguration) -> Usage {
        if configuration.forwardingRules.isEmpty { return .unknown }
        guard let id = group.id else { return .unused }
        let users = configuration.forwardRules(to: id)
        if users.isEmpty { return .unused }
        return .forwardedBy(users.map { "\($0.rule.displayName) in \($0.forwardingRule.displayName)" })
    }
}
