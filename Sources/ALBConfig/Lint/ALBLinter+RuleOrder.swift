extension ALBLinter {
    /// `alb.rule-order`, `alb.static-shadows-forward`, `alb.shadowed-rule`, `alb.duplicate-rule`.
    ///
    /// IONOS: "The original order of rules is preserved during processing, except that rules of the
    /// 'FORWARD' type are processed after the rules with other defined actions. The relative order of the
    /// 'FORWARD' type rules is also preserved." A rule applies when all its conditions match, so a rule
    /// evaluated earlier whose conditions are a subset of a later rule's catches every request the later
    /// one would.
    func checkRuleOrder(_ forwardingRule: ForwardingRule, into findings: inout [LintFinding]) {
        let rules = forwardingRule.httpRules
        let listed = Array(rules.indices)
        let effective: [Int] =
            listed.filter { rules[$0].type != .forward } + listed.filter { rules[$0].type == .forward }

        // Non-FORWARD rules written after a FORWARD rule still run first.
        for index in listed where rules[index].type != .forward {
            guard let forward = listed.first(where: { $0 < index && rules[$0].type == .forward }) else { continue }
            findings.append(
                LintFinding(
                    rule: .ruleOrder,
                    severity: .warning,
                    message: sentence(
                        "\(rules[index].displayName) is listed after \(rules[forward].displayName) ",
                        "(httpRules[\(forward)]) but IONOS evaluates every STATIC and REDIRECT rule before all ",
                        "FORWARD rules, so it wins for upgrade requests both match; list it before the FORWARD ",
                        "rules so the file reads in evaluation order"
                    ),
                    location: rules[index].source
                )
            )
        }

        let signatures = rules.map { Set($0.conditions.map(\.signature)) }
        for (position, later) in effective.enumerated() {
            guard
                let earlier = effective[..<position].first(where: { signatures[$0].isSubset(of: signatures[later]) })
            else { continue }
            let laterRule = rules[later]
            let earlierRule = rules[earlier]
            let covers =
                signatures[earlier].isEmpty
                ? "has no conditions, so it matches every request"
                : "has conditions that are a subset of this rule's, so it matches every request this one matches"
            let earlierName = "\(earlierRule.displayName) (httpRules[\(earlier)])"
            if earlierRule.type != .forward, laterRule.type == .forward {
                findings.append(
                    LintFinding(
                        rule: .staticShadowsForward,
                        severity: .error,
                        message: sentence(
                            "\(laterRule.displayName) can never forward a WebSocket: \(earlierName) is ",
                            "evaluated first and \(covers), answering the upgrade itself; add a condition to ",
                            "the \(earlierRule.type.rawValue) rule that excludes the WebSocket requests"
                        ),
                        location: laterRule.source
                    )
                )
            } else if signatures[earlier] == signatures[later], sameAction(earlierRule, laterRule) {
                findings.append(
                    LintFinding(
                        rule: .duplicateRule,
                        severity: .warning,
                        message: sentence(
                            "\(laterRule.displayName) duplicates \(earlierName): same conditions and action, ",
                            "so it never applies; remove one of them"
                        ),
                        location: laterRule.source
                    )
                )
            } else {
                findings.append(
                    LintFinding(
                        rule: .shadowedRule,
                        severity: .warning,
                        message: sentence(
                            "\(laterRule.displayName) never applies: \(earlierName) is evaluated first and ",
                            "\(covers); move the more specific rule first or narrow the earlier one"
                        ),
                        location: laterRule.source
                    )
                )
            }
        }
    }

    private func sameAction(_ lhs: HTTPRule, _ rhs: HTTPRule) -> Bool {
        lhs.type == rhs.type && lhs.targetGroup == rhs.targetGroup && lhs.location == rhs.location
            && lhs.statusCode == rhs.statusCode && lhs.responseMessage == rhs.responseMessage
    }
}
