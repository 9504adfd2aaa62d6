import ALBConfig
import Testing

/// Rules that depend on what the user says about the traffic: heartbeat and source addresses.
struct TrafficOptionTests {
    func timeoutFindings(timeout: Int?, heartbeat: Int?) throws -> [LintFinding] {
        let extra = timeout.map { #", "clientTimeout": \#($0)"# } ?? ""
        let file = Inline.forwardingRule(#"[{"type": "FORWARD", "targetGroup": "tg-1"}]"#, extra: extra)
        let configuration = try ALBConfigLoader.load([file, Inline.targetGroup])
        return ALBLinter(options: LintOptions(heartbeatMilliseconds: heartbeat)).lint(configuration)
    }

    @Test(
        "clientTimeout against the heartbeat: at or below is an error, above 80 % a warning",
        arguments: [
            (timeout: 30_000, heartbeat: 30_000, expected: [LintRuleID.clientTimeout]),
            (timeout: 20_000, heartbeat: 30_000, expected: [.clientTimeout]),
            (timeout: 36_000, heartbeat: 30_000, expected: [.clientTimeoutMargin]),
            (timeout: 37_500, heartbeat: 30_000, expected: []),
            (timeout: 120_000, heartbeat: 30_000, expected: []),
        ]
    )
    func clientTimeout(timeout: Int, heartbeat: Int, expected: [LintRuleID]) throws {
        #expect(try timeoutFindings(timeout: timeout, heartbeat: heartbeat).map(\.rule) == expected)
    }

    @Test("An absent clientTimeout means the 50 s default, and the message says so")
    func defaultTimeout() throws {
        let findings = try timeoutFindings(timeout: nil, heartbeat: 50_000)
        #expect(findings.map(\.rule) == [.clientTimeout])
        #expect(findings.first?.message.contains("default 50000 ms") == true)
        #expect(findings.first?.location.path.description == "properties")
        #expect(try timeoutFindings(timeout: nil, heartbeat: 40_000).isEmpty)
    }

    @Test("Without --heartbeat the timeout is not judged")
    func noHeartbeat() throws {
        #expect(try timeoutFindings(timeout: 1000, heartbeat: nil).isEmpty)
    }

    @Test("A different safety margin moves the warning threshold")
    func customMargin() throws {
        let file = Inline.forwardingRule(
            #"[{"type": "FORWARD", "targetGroup": "tg-1"}]"#,
            extra: #", "clientTimeout": 40000"#
        )
        let configuration = try ALBConfigLoader.load([file, Inline.targetGroup])
        let strict = LintOptions(heartbeatMilliseconds: 30_000, safetyMargin: 0.5)
        let loose = LintOptions(heartbeatMilliseconds: 30_000, safetyMargin: 0.9)
        #expect(ALBLinter(options: strict).lint(configuration).map(\.rule) == [.clientTimeoutMargin])
        #expect(ALBLinter(options: loose).lint(configuration).isEmpty)
    }

    @Test(
        "SOURCE_IP: one source warns, fewer sources than targets informs, enough sources still informs",
        arguments: [
            (sources: nil as Int?, expected: [LintSeverity.warning]),
            (sources: 1, expected: [.warning]),
            (sources: 2, expected: [.info]),
            (sources: 3, expected: [.info]),
        ]
    )
    func sourceIP(sources: Int?, expected: [LintSeverity]) throws {
        let group = ALBSourceFile(
            name: "g.json",
            text: #"""
                {"type": "target-group", "properties": {"algorithm": "SOURCE_IP", "targets": [
                  {"ip": "10.0.0.1", "port": 80}, {"ip": "10.0.0.2", "port": 80}, {"ip": "10.0.0.3", "port": 80}]}}
                """#
        )
        let findings = ALBLinter(options: LintOptions(sources: sources)).lint(try ALBConfigLoader.load([group]))
        #expect(findings.allSatisfy { $0.rule == .sourceIPSingleClient })
        #expect(findings.map(\.severity) == expected)
    }

    @Test("SOURCE_IP is never silent: one usable target and no --sources still says what it means for a load test")
    func sourceIPOneTarget() throws {
        let group = ALBSourceFile(
            name: "g.json",
            text: #"""
                {"type": "target-group", "properties": {"name": "solo", "algorithm": "SOURCE_IP", "targets": [
                  {"ip": "10.0.0.1", "port": 80}, {"ip": "10.0.0.2", "port": 80, "weight": 0}]}}
                """#
        )
        let findings = ALBLinter().lint(try ALBConfigLoader.load([group]))
        let finding = try #require(findings.first { $0.rule == .sourceIPSingleClient })
        #expect(finding.severity == .info)
        #expect(finding.location.path.description == "properties.algorithm")
        #expect(
            finding.message.hasPrefix(
                "target group \"solo\" balances by SOURCE_IP: each client address sticks to one target, so a load"
                    + " test from one source address (--sources not given) reaches at most that many of its 1 usable"
                    + " target(s)"
            ),
            "\(finding.message)"
        )
    }

    @Test("An httpHealthCheck is an error on a group a FORWARD rule uses and a warning on an unused one")
    func httpHealthCheckSeverityFollowsUsage() throws {
        let group = try Fixtures.file("rules/http-health-check.json")
        let usedRule = try Fixtures.file("forwardingrule-single.json")
        let otherRule = Inline.forwardingRule(#"[{"type": "FORWARD", "targetGroup": "elsewhere"}]"#)
        let used = ALBLinter().lint(try ALBConfigLoader.load([usedRule, group]))
        #expect(used.map(\.rule) == [.httpHealthCheck])
        #expect(used.first?.severity == .error)
        #expect(used.first?.message.contains("used by FORWARD rule \"websocket\"") == true)
        let unused = ALBLinter().lint(try ALBConfigLoader.load([otherRule, group]))
        #expect(unused.first { $0.rule == .httpHealthCheck }?.severity == .warning)
    }

    @Test("FORWARD rules without any loaded target group give one info finding")
    func targetGroupsNotLoaded() throws {
        let findings = ALBLinter().lint(try Fixtures.load(["forwardingrules-collection.json"]))
        #expect(findings.map(\.rule) == [.unknownTargetGroup])
        #expect(findings.first?.severity == .info)
    }

    @Test("Mixed proxyProtocol settings in one group warn once")
    func mixedProxyProtocol() throws {
        let group = ALBSourceFile(
            name: "g.json",
            text: #"""
                {"type": "target-group", "properties": {"algorithm": "RANDOM", "targets": [
                  {"ip": "10.0.0.1", "port": 80, "proxyProtocol": "v2"}, {"ip": "10.0.0.2", "port": 80}]}}
                """#
        )
        let findings = ALBLinter().lint(try ALBConfigLoader.load([group]))
        #expect(findings.map(\.rule) == [.proxyProtocol])
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.location.path.description == "properties.targets")
    }
}
