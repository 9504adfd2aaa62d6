import ALBConfig
import Foundation
import Scenario
import Testing

@Suite("alb scenario: routing matrix generated from forwarding rules")
struct ScenarioGenerationTests {
    static func generate(
        _ configuration: ALBConfiguration,
        _ configure: (inout ScenarioGenerationOptions) -> Void = { _ in }
    ) throws -> (GeneratedScenario, Scenario) {
        var options = ScenarioGenerationOptions()
        configure(&options)
        let generated = try ScenarioGenerator(options: options).generate(configuration)
        let loaded = ScenarioLoader().load(yaml: generated.yamlText, file: "generated.yaml")
        #expect(
            loaded.diagnostics.isEmpty,
            "\(loaded.renderedDiagnostics.joined(separator: "\n"))\n\(generated.yamlText)"
        )
        return (generated, try #require(loaded.scenario))
    }

    static func expectations(_ scenario: Scenario) -> [String: RouteExpectation] {
        Dictionary(uniqueKeysWithValues: scenario.routes.map { ($0.name, $0.expect) })
    }

    @Test("the collection fixture's wss listener gives a matching and a non-matching row per rule, loading cleanly")
    func collectionFixture() throws {
        let configuration = try Fixtures.load(["forwardingrules-collection.json", "clean-targetgroups.json"])
        let (generated, scenario) = try Self.generate(configuration) { $0.forwardingRule = "wss-listener" }
        #expect(scenario.name == "alb-routes-wss-listener")
        #expect(generated.url == "wss://203.0.113.10/")
        #expect(
            scenario.routes.map(\.name) == [
                "status-page: matches", "status-page: not PATH EQUALS \"/status\"", "websocket: matches",
                "websocket: not PATH STARTS_WITH \"/ws\"",
            ]
        )
        let expect = Self.expectations(scenario)
        #expect(expect["status-page: matches"] == .status(200))
        #expect(expect["status-page: not PATH EQUALS \"/status\""] == .status(404))
        #expect(expect["websocket: matches"] == .targets(["10.7.222.11:8080", "10.7.222.12:8080"]))
        #expect(expect["websocket: not PATH STARTS_WITH \"/ws\""] == .status(404))
        #expect(scenario.routes.first { $0.name == "websocket: matches" }?.request.path == "/ws")
        // Every upgrade request carries Upgrade, so `HEADER Upgrade EXISTS` cannot be failed: named in a note.
        #expect(generated.notes.contains { $0.contains("not HEADER Upgrade EXISTS") })
        #expect(generated.yamlText.contains("# NOTE: "))
    }

    @Test("several forwarding rules need a choice; an unknown one is named with the available ones")
    func choosingTheForwardingRule() throws {
        let configuration = try Fixtures.load(["forwardingrules-collection.json"])
        #expect(throws: ScenarioGenerationError.ambiguousForwardingRule(["wss-listener", "api-listener"])) {
            try ScenarioGenerator().generate(configuration)
        }
        var options = ScenarioGenerationOptions()
        options.forwardingRule = "nope"
        #expect(
            throws: ScenarioGenerationError.unknownForwardingRule("nope", available: ["wss-listener", "api-listener"])
        ) {
            try ScenarioGenerator(options: options).generate(configuration)
        }
        #expect(throws: ScenarioGenerationError.noForwardingRule) {
            try ScenarioGenerator().generate(try Fixtures.load(["clean-targetgroups.json"]))
        }
        let (_, api) = try Self.generate(configuration) { $0.forwardingRule = "api-listener" }
        let expect = Self.expectations(api)
        #expect(api.routes.first { $0.name == "api: matches" }?.request.host == "api.example.com")
        #expect(expect["api: not HOST EQUALS \"api.example.com\""] == .status(404))
    }

    @Test("a STATIC rule listed after the FORWARD rule still comes first (IONOS order) and catches its requests")
    func ionosOrder() throws {
        let configuration = try Fixtures.load(["rules/static-shadows-forward.json", "clean-targetgroups.json"])
        let (_, scenario) = try Self.generate(configuration) { $0.identity = .group }
        #expect(scenario.routes.first?.name == "maintenance-page: matches")
        #expect(Self.expectations(scenario)["websocket: matches"] == .status(503))
    }

    @Test("header, query, cookie, host-with-negate and redirect conditions give the expected rows")
    func everyConditionKind() throws {
        let rules = """
            [{"name": "beta", "type": "FORWARD", "targetGroup": "tg-1", "conditions": [
               {"type": "HEADER", "condition": "EQUALS", "key": "X-Beta", "value": "1"},
               {"type": "QUERY", "condition": "EQUALS", "key": "v", "value": "2"},
               {"type": "COOKIE", "condition": "EXISTS", "key": "canary"},
               {"type": "HOST", "condition": "ENDS_WITH", "negate": true, "value": ".internal"}]},
             {"name": "old", "type": "REDIRECT", "location": "https://example.com/new", "conditions": [
               {"type": "PATH", "condition": "STARTS_WITH", "value": "/old"}]}]
            """
        let configuration = try ALBConfigLoader.load([Inline.forwardingRule(rules), Inline.targetGroup])
        let (generated, scenario) = try Self.generate(configuration) { $0.baseURL = "wss://ws.example.com/chat" }
        #expect(generated.url == "wss://ws.example.com/chat")
        let expect = Self.expectations(scenario)
        let routes = Dictionary(uniqueKeysWithValues: scenario.routes.map { ($0.name, $0.request) })
        // Non-FORWARD rules first.
        #expect(scenario.routes.first?.name == "old: matches")
        #expect(expect["old: matches"] == .redirect(location: "https://example.com/new"))
        #expect(routes["old: matches"]?.path == "/old")
        #expect(expect["old: not PATH STARTS_WITH \"/old\""] == .status(404))
        let beta = try #require(routes["beta: matches"])
        #expect(beta.headers == [KeyValue("X-Beta", "1")])
        #expect(beta.query == [KeyValue("v", "2")])
        #expect(beta.cookies.map(\.name) == ["canary"])
        #expect(beta.host == nil)  // ws.example.com does not end with .internal
        #expect(expect["beta: matches"] == .targets(["10.0.0.1:80", "10.0.0.2:80"]))
        let negated = try #require(routes["beta: not HOST NOT ENDS_WITH \".internal\""])
        #expect(negated.host?.hasSuffix(".internal") == true)
        #expect(expect["beta: not HOST NOT ENDS_WITH \".internal\""] == .status(404))
        #expect(routes["beta: not COOKIE canary EXISTS"]?.cookies.isEmpty == true)
        #expect(routes["beta: not HEADER X-Beta EQUALS \"1\""]?.headers.contains(KeyValue("X-Beta", "1")) == false)
        #expect(generated.notes.isEmpty)
    }

    @Test("an Upgrade-spelling rule is matched through upgradeHeader; rows that depend on case rules are left out")
    func upgradeSpelling() throws {
        let rules = """
            [{"name": "ws", "type": "FORWARD", "targetGroup": "tg-1", "conditions": [
               {"type": "PATH", "condition": "EQUALS", "value": "/ws"}]},
             {"name": "spelling", "type": "STATIC", "statusCode": 426, "responseMessage": "no",
              "conditions": [{"type": "HEADER", "condition": "EQUALS", "key": "Upgrade", "value": "WebSocket"}]}]
            """
        let configuration = try ALBConfigLoader.load([Inline.forwardingRule(rules), Inline.targetGroup])
        let (generated, scenario) = try Self.generate(configuration)
        let expect = Self.expectations(scenario)
        #expect(scenario.routes.first { $0.name == "spelling: matches" }?.request.upgradeHeader == "WebSocket")
        #expect(expect["spelling: matches"] == .status(426))
        #expect(expect["spelling: not HEADER Upgrade EQUALS \"WebSocket\""] == .status(404))
        // A request with the usual `Upgrade: websocket` hits the STATIC rule only if EQUALS ignores case, which
        // IONOS does not document: those rows are left out and named.
        #expect(expect["ws: matches"] == nil)
        #expect(generated.notes.contains { $0.contains("'ws: matches'") && $0.contains("case sensitivity") })
    }

    /// Every rule fixture that holds a forwarding rule.
    static let ruleFixtures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.path("rules"))) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().filter { name in
            (try? Fixtures.load(["rules/\(name)"]).forwardingRules.count) == 1
        }
    }()

    @Test("every forwarding-rule fixture generates a scenario that loads without diagnostics", arguments: ruleFixtures)
    func fixturesLoadCleanly(name: String) throws {
        let configuration = try Fixtures.load(["rules/\(name)", "clean-targetgroups.json"])
        let (generated, scenario) = try Self.generate(configuration)
        #expect(scenario.routes.count == generated.routes.count)
        #expect(Set(scenario.routes.map(\.name)).count == scenario.routes.count)
    }

    @Test("the rule fixture list is not empty")
    func fixtureListNotEmpty() {
        #expect(Self.ruleFixtures.count >= 10)
    }
}
