import ALBConfig
import Testing

/// IONOS evaluates non-FORWARD rules first, FORWARD rules after in their written order; all conditions of a
/// rule must match and a rule without conditions always applies.
struct RuleOrderTests {
    static let ws = #"{"type": "PATH", "condition": "STARTS_WITH", "value": "/ws"}"#
    static let chat = #"{"type": "PATH", "condition": "STARTS_WITH", "value": "/chat"}"#
    static let host = #"{"type": "HOST", "condition": "EQUALS", "value": "chat.example.com"}"#

    static func forward(_ name: String, _ conditions: [String], group: String = "tg-1") -> String {
        #"{"name": "\#(name)", "type": "FORWARD", "targetGroup": "\#(group)", "conditions": [\#(conditions.joined(separator: ","))]}"#
    }

    static func staticRule(_ name: String, _ conditions: [String]) -> String {
        #"{"name": "\#(name)", "type": "STATIC", "responseMessage": "down", "conditions": [\#(conditions.joined(separator: ","))]}"#
    }

    func findings(_ rules: [String]) throws -> [(LintRuleID, String)] {
        try Inline.lint("[" + rules.joined(separator: ",") + "]").map { ($0.rule, $0.location.path.description) }
    }

    @Test("Rules with disjoint conditions in evaluation order give no findings")
    func disjointRules() throws {
        #expect(try findings([Self.staticRule("s", [Self.chat]), Self.forward("f", [Self.ws])]).isEmpty)
    }

    @Test("A STATIC rule written after a FORWARD rule is reported: it runs first anyway")
    func staticAfterForward() throws {
        let result = try findings([Self.forward("f", [Self.ws]), Self.staticRule("s", [Self.chat])])
        #expect(result.map(\.0) == [.ruleOrder])
        #expect(result.first?.1 == "properties.httpRules[1]")
    }

    @Test("A STATIC rule written after a FORWARD rule with a subset of its conditions shadows it")
    func staticAfterForwardShadows() throws {
        let result = try findings([Self.forward("f", [Self.ws, Self.host]), Self.staticRule("s", [Self.ws])])
        #expect(Set(result.map(\.0)) == [.ruleOrder, .staticShadowsForward])
        #expect(result.first { $0.0 == .staticShadowsForward }?.1 == "properties.httpRules[0]")
    }

    @Test("A FORWARD rule without conditions before others shadows every later FORWARD rule")
    func catchAllFirst() throws {
        let result = try findings([
            Self.forward("all", []), Self.forward("ws", [Self.ws]), Self.forward("chat", [Self.chat]),
        ])
        #expect(result.map(\.0) == [.shadowedRule, .shadowedRule])
        #expect(result.map(\.1) == ["properties.httpRules[1]", "properties.httpRules[2]"])
    }

    @Test("A catch-all FORWARD rule written last shadows nothing")
    func catchAllLast() throws {
        #expect(try findings([Self.forward("ws", [Self.ws]), Self.forward("all", [])]).isEmpty)
    }

    @Test("A more specific FORWARD rule after a general one never applies")
    func generalBeforeSpecific() throws {
        let result = try findings([Self.forward("ws", [Self.ws]), Self.forward("ws-chat", [Self.ws, Self.host])])
        #expect(result.map(\.0) == [.shadowedRule])
    }

    @Test("Identical rules are duplicates; identical conditions with another action are shadowed")
    func duplicates() throws {
        #expect(
            try findings([Self.forward("a", [Self.ws]), Self.forward("b", [Self.ws])]).map(\.0) == [.duplicateRule]
        )
        let twoGroups = try Inline.lint(
            "[" + Self.forward("a", [Self.ws]) + "," + Self.forward("b", [Self.ws], group: "tg-2") + "]"
        )
        #expect(twoGroups.map(\.rule).contains(.shadowedRule))
        #expect(!twoGroups.map(\.rule).contains(.duplicateRule))
    }

    @Test("Header names compare case-insensitively when rules are compared")
    func headerNamesCaseInsensitive() throws {
        let lower = #"{"type": "HEADER", "condition": "EXISTS", "key": "upgrade"}"#
        let upper = #"{"type": "HEADER", "condition": "EXISTS", "key": "Upgrade"}"#
        #expect(try findings([Self.forward("a", [lower]), Self.forward("b", [upper])]).map(\.0) == [.duplicateRule])
    }

    @Test("A STATIC rule without conditions makes every FORWARD rule unreachable")
    func staticCatchAll() throws {
        let result = try findings([Self.staticRule("down", []), Self.forward("a", [Self.ws]), Self.forward("b", [])])
        #expect(
            result.filter { $0.0 == .staticShadowsForward }.map(\.1) == [
                "properties.httpRules[1]", "properties.httpRules[2]",
            ]
        )
    }
}
