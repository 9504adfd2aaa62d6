/// The stable identifier of each lint rule; `docs/alb-lint.md` documents every one.
package enum LintRuleID: String, Sendable, Hashable, CaseIterable, Codable {
    // Target groups.
    case httpHealthCheck = "alb.http-health-check"
    case sourceIPSingleClient = "alb.source-ip-single-client"
    case weightZero = "alb.weight-zero"
    case maintenance = "alb.maintenance"
    case weightRange = "alb.weight-range"
    case noTargets = "alb.no-targets"
    case noUsableTargets = "alb.no-usable-targets"
    case healthCheckDisabled = "alb.health-check-disabled"
    case proxyProtocol = "alb.proxy-protocol"
    case protocolVersion = "alb.protocol-version"

    // Forwarding rules.
    case clientTimeout = "alb.client-timeout"
    case clientTimeoutMargin = "alb.client-timeout-margin"
    case noForwardRule = "alb.no-forward-rule"

    // HTTP rules and their actions.
    case forwardMissingTargetGroup = "alb.forward-missing-target-group"
    case unknownTargetGroup = "alb.unknown-target-group"
    case ruleShape = "alb.rule-shape"

    // Conditions.
    case conditionShape = "alb.condition-shape"
    case invalidCIDR = "alb.invalid-cidr"
    case invalidRegex = "alb.invalid-regex"
    case unsatisfiableCondition = "alb.unsatisfiable-condition"
    case handshakeHeaderMatch = "alb.handshake-header-match"

    // Rule order.
    case ruleOrder = "alb.rule-order"
    case staticShadowsForward = "alb.static-shadows-forward"
    case shadowedRule = "alb.shadowed-rule"
    case duplicateRule = "alb.duplicate-rule"

    // Inputs.
    case duplicateID = "alb.duplicate-id"
}
