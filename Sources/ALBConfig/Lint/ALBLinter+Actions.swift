extension ALBLinter {
    /// The REDIRECT status codes the API accepts (default 301).
    static let redirectStatusCodes: Set<Int> = [301, 302, 303, 307, 308]
    /// The STATIC status codes the API accepts (default 503).
    static let staticStatusCodes = 200...599

    /// `alb.forward-missing-target-group`, `alb.unknown-target-group`, `alb.rule-shape`: each action has the
    /// members the API documents as mandatory for it, and FORWARD targets exist.
    func checkAction(_ rule: HTTPRule, in configuration: ALBConfiguration, into findings: inout [LintFinding]) {
        switch rule.type {
        case .forward:
            guard let id = rule.targetGroup else {
                findings.append(
                    LintFinding(
                        rule: .forwardMissingTargetGroup,
                        severity: .error,
                        message: sentence(
                            "\(rule.displayName) has no targetGroup; the API requires one for FORWARD, ",
                            "so requests matching it cannot be sent anywhere; set targetGroup to the ID of ",
                            "the WebSocket target group"
                        ),
                        location: rule.source
                    )
                )
                return
            }
            if !configuration.targetGroups.isEmpty, configuration.targetGroup(id: id) == nil {
                let known = configuration.targetGroups.compactMap(\.id).joined(separator: ", ")
                findings.append(
                    LintFinding(
                        rule: .unknownTargetGroup,
                        severity: .error,
                        message: sentence(
                            "\(rule.displayName) forwards to target group \(id), which is not among the ",
                            "loaded target groups (\(known)); a deleted or mistyped group leaves the rule ",
                            "without targets; fix the ID or pass the file that holds that group"
                        ),
                        location: rule.source.appending("targetGroup")
                    )
                )
            }
        case .staticResponse:
            if rule.responseMessage == nil {
                shape(rule, "has no responseMessage, which the API requires for STATIC", at: rule.source, &findings)
            }
            if let code = rule.statusCode, !Self.staticStatusCodes.contains(code) {
                shape(rule, "has statusCode \(code); STATIC accepts 200–599", at: statusPath(rule), &findings)
            }
        case .redirect:
            if rule.location == nil {
                shape(rule, "has no location, which the API requires for REDIRECT", at: rule.source, &findings)
            }
            if let code = rule.statusCode, !Self.redirectStatusCodes.contains(code) {
                shape(
                    rule,
                    "has statusCode \(code); REDIRECT accepts 301, 302, 303, 307, 308",
                    at: statusPath(rule),
                    &findings
                )
            }
        }
        if rule.type != .forward, rule.targetGroup != nil {
            shape(
                rule,
                sentence(
                    "sets targetGroup, which is valid only for FORWARD; the request is answered by the ALB and ",
                    "never reaches that group"
                ),
                at: rule.source.appending("targetGroup"),
                &findings
            )
        }
    }

    private func statusPath(_ rule: HTTPRule) -> SourceLocation {
        rule.source.appending("statusCode")
    }

    private func shape(
        _ rule: HTTPRule,
        _ problem: String,
        at location: SourceLocation,
        _ findings: inout [LintFinding]
    ) {
        findings.append(
            LintFinding(
                rule: .ruleShape,
                severity: .error,
                message: "\(rule.displayName) \(problem)",
                location: location
            )
        )
    }

    /// `alb.unknown-target-group` (info): FORWARD rules name target groups but none were loaded, so the
    /// target-group rules could not run.
    func checkTargetGroupsPresent(_ configuration: ALBConfiguration, into findings: inout [LintFinding]) {
        guard configuration.targetGroups.isEmpty else { return }
        var ids: [String] = []
        var first: HTTPRule?
        for forwardingRule in configuration.forwardingRules {
            for rule in forwardingRule.httpRules where rule.type == .forward {
                guard let id = rule.targetGroup else { continue }
                if first == nil { first = rule }
                if !ids.contains(id) { ids.append(id) }
            }
        }
        guard let first else { return }
        findings.append(
            LintFinding(
                rule: .unknownTargetGroup,
                severity: .info,
                message: sentence(
                    "no target groups were loaded, so health checks, weights and algorithms of ",
                    "\(ids.joined(separator: ", ")) were not checked; save GET /cloudapi/v6/targetgroups?depth=1 ",
                    "and pass it too"
                ),
                location: first.source.appending("targetGroup")
            )
        )
    }
}
