import ALBConfig
import Testing

/// One fixture per lint rule: it triggers exactly that rule, at the documented path.
struct LintRuleFixtureTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var rule: LintRuleID
        var files: [String]
        var severity: LintSeverity
        var path: String
        var heartbeat: Int? = 30_000
        /// The file the finding is in; the fixture itself (`files[0]`) unless given.
        var findingFile: String?
        var testDescription: String { rule.rawValue }
    }

    static let companion = "clean-targetgroups.json"

    static func forwarding(_ rule: LintRuleID, _ severity: LintSeverity, _ path: String) -> Case {
        Case(
            rule: rule,
            files: ["rules/\(rule.rawValue.dropFirst(4)).json", companion],
            severity: severity,
            path: path
        )
    }

    static func group(_ rule: LintRuleID, _ severity: LintSeverity, _ path: String) -> Case {
        Case(rule: rule, files: ["rules/\(rule.rawValue.dropFirst(4)).json"], severity: severity, path: path)
    }

    static let cases: [Case] = [
        forwarding(.clientTimeout, .error, "properties.clientTimeout"),
        Case(
            rule: .clientTimeoutMargin,
            files: ["rules/client-timeout-margin.json", companion],
            severity: .warning,
            path: "properties",
            heartbeat: 45_000
        ),
        forwarding(.noForwardRule, .warning, "properties.httpRules"),
        forwarding(.forwardMissingTargetGroup, .error, "properties.httpRules[0]"),
        forwarding(.unknownTargetGroup, .error, "properties.httpRules[0].targetGroup"),
        forwarding(.ruleShape, .error, "properties.httpRules[0].statusCode"),
        forwarding(.conditionShape, .error, "properties.httpRules[0].conditions[2].condition"),
        forwarding(.invalidCIDR, .error, "properties.httpRules[0].conditions[2].value"),
        forwarding(.invalidRegex, .error, "properties.httpRules[0].conditions[0].value"),
        forwarding(.unsatisfiableCondition, .warning, "properties.httpRules[0].conditions[2]"),
        forwarding(.handshakeHeaderMatch, .warning, "properties.httpRules[0].conditions[1]"),
        forwarding(.ruleOrder, .warning, "properties.httpRules[1]"),
        forwarding(.staticShadowsForward, .error, "properties.httpRules[1]"),
        forwarding(.shadowedRule, .warning, "properties.httpRules[1]"),
        forwarding(.duplicateRule, .warning, "properties.httpRules[1]"),
        group(.httpHealthCheck, .error, "properties.httpHealthCheck"),
        group(.sourceIPSingleClient, .warning, "properties.algorithm"),
        group(.weightZero, .warning, "properties.targets[1].weight"),
        group(.maintenance, .warning, "properties.targets[1].maintenanceEnabled"),
        group(.weightRange, .error, "properties.targets[0].weight"),
        group(.noTargets, .error, "properties"),
        group(.noUsableTargets, .error, "properties.targets"),
        group(.healthCheckDisabled, .warning, "properties.targets[0].healthCheckEnabled"),
        group(.proxyProtocol, .info, "properties.targets[0].proxyProtocol"),
        group(.protocolVersion, .warning, "properties.protocolVersion"),
        Case(
            rule: .duplicateID,
            files: ["clean-targetgroups.json", "rules/duplicate-id.json"],
            severity: .warning,
            path: "$",
            findingFile: "rules/duplicate-id.json"
        ),
    ]

    @Test("The clean configuration (ALB with embedded rules plus target groups) yields no findings")
    func cleanConfigurationHasNoFindings() throws {
        let findings = try Fixtures.lint(
            ["clean-alb.json", "clean-targetgroups.json"],
            options: LintOptions(heartbeatMilliseconds: 30_000, sources: 1)
        )
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test("Each rule's fixture triggers exactly that rule at its path", arguments: cases)
    func fixtureTriggersExactlyItsRule(_ testCase: Case) throws {
        let findings = try Fixtures.lint(
            testCase.files,
            options: LintOptions(heartbeatMilliseconds: testCase.heartbeat)
        )
        #expect(findings.count == 1, "\(findings.map { "\($0.rule.rawValue) \($0.location)" })")
        let finding = try #require(findings.first)
        #expect(finding.rule == testCase.rule)
        #expect(finding.severity == testCase.severity)
        #expect(finding.location.file == testCase.findingFile ?? testCase.files[0])
        #expect(finding.location.path.description == testCase.path)
        #expect(!finding.message.isEmpty)
    }

    @Test("Every lint rule id has a fixture")
    func everyRuleHasAFixture() {
        let covered = Set(Self.cases.map(\.rule))
        let missing = LintRuleID.allCases.filter { !covered.contains($0) }
        #expect(missing.isEmpty, "rules without a fixture: \(missing.map(\.rawValue))")
    }

    @Test("Rule ids are stable dotted alb.* names")
    func ruleIDsAreDotted() {
        for rule in LintRuleID.allCases {
            #expect(rule.rawValue.hasPrefix("alb."))
            #expect(rule.rawValue.allSatisfy { $0.isLowercase || $0 == "." || $0 == "-" })
        }
    }
}
