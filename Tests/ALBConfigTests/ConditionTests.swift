import ALBConfig
import Testing

/// What an upgrade request can satisfy, and the documented condition shapes.
struct ConditionTests {
    func rules(for condition: String) throws -> [LintRuleID] {
        try Inline.lint(#"[{"type": "FORWARD", "targetGroup": "tg-1", "conditions": [\#(condition)]}]"#).map(\.rule)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var condition: String
        var expected: [LintRuleID]
        var testDescription: String { condition }
    }

    static let cases: [Case] = [
        Case(condition: #"{"type": "METHOD", "condition": "EQUALS", "value": "GET"}"#, expected: []),
        Case(
            condition: #"{"type": "METHOD", "condition": "EQUALS", "value": "POST"}"#,
            expected: [.unsatisfiableCondition]
        ),
        Case(
            condition: #"{"type": "METHOD", "condition": "EQUALS", "value": "GET", "negate": true}"#,
            expected: [.unsatisfiableCondition]
        ),
        Case(condition: #"{"type": "METHOD", "condition": "STARTS_WITH", "value": "G"}"#, expected: []),
        Case(
            condition: #"{"type": "METHOD", "condition": "MATCHES", "value": "^(POST|PUT)$"}"#,
            expected: [.unsatisfiableCondition]
        ),
        Case(
            condition: #"{"type": "METHOD", "condition": "EXISTS", "negate": true}"#,
            expected: [.unsatisfiableCondition]
        ),
        Case(condition: #"{"type": "HEADER", "condition": "EXISTS", "key": "Upgrade"}"#, expected: []),
        Case(
            condition: #"{"type": "HEADER", "condition": "EXISTS", "key": "Connection", "negate": true}"#,
            expected: [.unsatisfiableCondition]
        ),
        Case(
            condition: #"{"type": "HEADER", "condition": "EQUALS", "key": "upgrade", "value": "h2c"}"#,
            expected: [.unsatisfiableCondition]
        ),
        Case(
            condition: #"{"type": "HEADER", "condition": "EQUALS", "key": "Upgrade", "value": "WebSocket"}"#,
            expected: [.handshakeHeaderMatch]
        ),
        Case(
            condition: #"{"type": "HEADER", "condition": "MATCHES", "key": "Upgrade", "value": "(?i)^websocket$"}"#,
            expected: []
        ),
        Case(
            condition: #"{"type": "HEADER", "condition": "EQUALS", "key": "Upgrade", "value": "WEBSOCKET"}"#,
            expected: [.handshakeHeaderMatch]
        ),
        Case(
            condition:
                #"{"type": "HEADER", "condition": "EQUALS", "key": "Upgrade", "value": "WEBSOCKET", "negate": true}"#,
            expected: [.handshakeHeaderMatch]
        ),
        Case(condition: #"{"type": "METHOD", "condition": "EQUALS", "value": "get"}"#, expected: []),
        Case(
            condition: #"{"type": "HEADER", "condition": "EQUALS", "key": "Connection", "value": "Upgrade"}"#,
            expected: [.handshakeHeaderMatch]
        ),
        Case(
            condition: #"{"type": "HEADER", "condition": "CONTAINS", "key": "Connection", "value": "pgrade"}"#,
            expected: []
        ),
        Case(
            condition: #"{"type": "HEADER", "condition": "EQUALS", "key": "Sec-WebSocket-Version", "value": "8"}"#,
            expected: [.unsatisfiableCondition]
        ),
        Case(
            condition: #"{"type": "HEADER", "condition": "EQUALS", "key": "Sec-WebSocket-Protocol", "value": "chat"}"#,
            expected: [.handshakeHeaderMatch]
        ),
        Case(condition: #"{"type": "HEADER", "condition": "EXISTS", "key": "Sec-WebSocket-Protocol"}"#, expected: []),
        Case(
            condition: #"{"type": "HEADER", "condition": "EXISTS", "key": "sec-websocket-key", "negate": true}"#,
            expected: [.unsatisfiableCondition]
        ),
        Case(
            condition: #"{"type": "HEADER", "condition": "EQUALS", "key": "Sec-WebSocket-Key", "value": "abc"}"#,
            expected: [.handshakeHeaderMatch]
        ),
        Case(condition: #"{"type": "HEADER", "condition": "EQUALS", "key": "X-Tenant", "value": "a"}"#, expected: []),
        Case(
            condition: #"{"type": "PATH", "condition": "EQUALS", "value": "ws"}"#,
            expected: [.unsatisfiableCondition]
        ),
        Case(condition: #"{"type": "PATH", "condition": "ENDS_WITH", "value": "ws"}"#, expected: []),
        Case(condition: #"{"type": "SOURCE_IP", "value": "2001:db8::/32"}"#, expected: []),
        Case(condition: #"{"type": "SOURCE_IP", "value": "192.0.2.7"}"#, expected: [.invalidCIDR]),
        Case(condition: #"{"type": "SOURCE_IP", "value": "192.0.2.0/33"}"#, expected: [.invalidCIDR]),
        Case(condition: #"{"type": "SOURCE_IP", "condition": null, "key": null, "value": "10.0.0.0/8"}"#, expected: []),
        Case(condition: #"{"type": "SOURCE_IP"}"#, expected: [.conditionShape]),
        Case(condition: #"{"type": "PATH", "value": "/ws"}"#, expected: [.conditionShape]),
        Case(condition: #"{"type": "PATH", "condition": "EQUALS"}"#, expected: [.conditionShape]),
        Case(condition: #"{"type": "PATH", "condition": "EXISTS", "value": "/ws"}"#, expected: [.conditionShape]),
        Case(
            condition: #"{"type": "PATH", "condition": "EQUALS", "key": "p", "value": "/ws"}"#,
            expected: [.conditionShape]
        ),
        Case(condition: #"{"type": "HEADER", "condition": "EXISTS"}"#, expected: [.conditionShape]),
        Case(condition: #"{"type": "COOKIE", "condition": "EQUALS", "key": "route", "value": "b"}"#, expected: []),
        Case(
            condition: #"{"type": "QUERY", "condition": "MATCHES", "key": "room", "value": "[a-z"}"#,
            expected: [.invalidRegex]
        ),
    ]

    @Test("Conditions give exactly the expected findings", arguments: cases)
    func condition(_ testCase: Case) throws {
        #expect(try rules(for: testCase.condition) == testCase.expected)
    }

    @Test("Two EQUALS on the same subject with different values contradict each other")
    func contradiction() throws {
        let findings = try Inline.lint(
            #"""
            [{"type": "FORWARD", "targetGroup": "tg-1", "conditions": [
              {"type": "HOST", "condition": "EQUALS", "value": "a.example.com"},
              {"type": "HOST", "condition": "EQUALS", "value": "b.example.com"}]}]
            """#
        )
        #expect(findings.map(\.rule) == [.unsatisfiableCondition])
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.location.path.description == "properties.httpRules[0].conditions[1]")
    }

    @Test("Host names compare case-insensitively, so different spellings of one host do not contradict")
    func hostCaseIsNotAContradiction() throws {
        let findings = try Inline.lint(
            #"""
            [{"type": "FORWARD", "targetGroup": "tg-1", "conditions": [
              {"type": "HOST", "condition": "EQUALS", "value": "Chat.example.com"},
              {"type": "HOST", "condition": "EQUALS", "value": "chat.example.com"}]}]
            """#
        )
        #expect(findings.isEmpty)
    }

    @Test("A path that cannot start with a slash is an error for any rule type")
    func pathWithoutSlash() throws {
        let findings = try Inline.lint(
            #"[{"type": "STATIC", "responseMessage": "x", "conditions": [{"type": "PATH", "condition": "STARTS_WITH", "value": "api"}]}, {"type": "FORWARD", "targetGroup": "tg-1"}]"#
        )
        #expect(findings.map(\.rule) == [.unsatisfiableCondition])
        #expect(findings.first?.severity == .error)
    }

    @Test("A FORWARD rule no upgrade can match is a warning; a STATIC rule that keeps WebSockets out is fine")
    func webSocketExclusionDependsOnAction() throws {
        let post = #"{"type": "METHOD", "condition": "EQUALS", "value": "POST"}"#
        let noUpgrade = #"{"type": "HEADER", "condition": "EXISTS", "key": "Upgrade", "negate": true}"#
        let forward = try Inline.lint(#"[{"type": "FORWARD", "targetGroup": "tg-1", "conditions": [\#(post)]}]"#)
        #expect(forward.map(\.rule) == [.unsatisfiableCondition])
        #expect(forward.first?.severity == .warning)
        let staticRules = try Inline.lint(
            #"""
            [{"type": "STATIC", "responseMessage": "use a WebSocket", "statusCode": 426, "conditions": [\#(noUpgrade)]},
             {"type": "STATIC", "responseMessage": "read only", "statusCode": 405, "conditions": [\#(post)]},
             {"type": "FORWARD", "targetGroup": "tg-1"}]
            """#
        )
        #expect(staticRules.isEmpty, "\(staticRules.map(\.message))")
    }

    @Test("A condition with several shape problems reports each at its member")
    func severalShapeProblems() throws {
        let findings = try Inline.lint(
            #"[{"type": "FORWARD", "targetGroup": "tg-1", "conditions": [{"type": "SOURCE_IP", "condition": "EQUALS", "key": "k"}]}]"#
        )
        #expect(
            findings.map(\.location.path.description) == [
                "properties.httpRules[0].conditions[0].condition", "properties.httpRules[0].conditions[0]",
                "properties.httpRules[0].conditions[0].key",
            ]
        )
    }
}
