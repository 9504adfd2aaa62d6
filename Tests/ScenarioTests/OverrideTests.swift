import Scenario
import Testing

@Suite("--set overrides")
struct OverrideTests {
    static let base = """
        name: base
        load:
          connections: 10
        thresholds:
          - p99(message_rtt) < 50ms
          - count(errors) == 0
        """

    @Test("A number replaces a value in a mapping")
    func mappingValue() throws {
        let scenario = try #require(load(Self.base, overrides: ["load.connections=500"]).scenario)
        guard case .closed(let closed) = scenario.load else {
            Issue.record("expected closed")
            return
        }
        #expect(closed.connections == 500)
    }

    @Test("A list item is replaced by index, and index == count appends")
    func listItems() throws {
        let scenario = try #require(
            load(
                Self.base,
                overrides: ["thresholds[0]=p50(message_rtt) < 5ms", "thresholds[2]=count(messages_lost) == 0"]
            )
            .scenario
        )
        #expect(
            scenario.thresholds.map(\.source) == [
                "p50(message_rtt) < 5ms", "count(errors) == 0", "count(messages_lost) == 0",
            ]
        )
    }

    @Test("Missing mappings are created along the path, later overrides win")
    func creation() throws {
        let overrides = ["target.url=ws://a/x", "target.tls.insecure=true", "target.url=wss://b/y", "name=renamed"]
        let scenario = try #require(load(Self.base, overrides: overrides).scenario)
        #expect(scenario.target.url == "wss://b/y")
        #expect(scenario.target.tls.insecure)
        #expect(scenario.name == "renamed")
    }

    @Test("Values are YAML: lists, quoted text and nulls")
    func yamlValues() throws {
        let overrides = ["target.subprotocols=[a, b]", "description='30'", "target.embedded="]
        let scenario = try #require(load("name: x\ntarget: {embedded: {targets: [a]}}", overrides: overrides).scenario)
        #expect(scenario.target.subprotocols == ["a", "b"])
        #expect(scenario.description == "30")
        #expect(scenario.target.embedded == nil)
    }

    @Test("A value that is not YAML is taken as text")
    func nonYAMLValue() throws {
        let scenario = try #require(load("name: x", overrides: ["steps[0].send=[unclosed {{seq}}"]).scenario)
        let template = PayloadTemplate(source: "[unclosed {{seq}}", parts: [.literal("[unclosed "), .seq])
        #expect(scenario.steps == [.send(SendStep(payload: .template(template)))])
        let bad = located("name: x", overrides: ["steps[0].send={{seq}}: {{conn}"])
        #expect(bad == ["--set #1:1:24 scenario.template"])
    }

    @Test(
        "Bad paths are diagnostics positioned in the argument",
        arguments: [
            ("load.connections.x=1", ["--set #1:1:18 scenario.override.path"]),
            ("thresholds[5]=count(errors) == 0", ["--set #1:1:11 scenario.override.path"]),
            ("name[0]=x", ["--set #1:1:5 scenario.override.path"]),
            ("load", ["--set #1:1:1 scenario.override.syntax"]),
            ("=5", ["--set #1:1:1 scenario.override.syntax"]),
            ("load..connections=5", ["--set #1:1:6 scenario.override.syntax"]),
            ("thresholds[x]=1", ["--set #1:1:11 scenario.override.syntax"]),
            ("thresholds[0]x=1", ["--set #1:1:14 scenario.override.syntax"]),
            ("[0]=1", ["--set #1:1:1 scenario.override.syntax"]),
            ("load.=1", ["--set #1:1:6 scenario.override.syntax"]),
        ] as [(String, [String])]
    )
    func badPaths(argument: String, expected: [String]) {
        #expect(located(Self.base, overrides: [argument]) == expected)
    }

    @Test("Type errors after an override point at the override's value")
    func typeErrorsAfterOverride() {
        #expect(located(Self.base, overrides: ["load.connections=many"]) == ["--set #1:1:18 scenario.type"])
        #expect(
            located(Self.base, overrides: ["x=1", "duration=30"]) == [
                "--set #1:1:1 scenario.unknown-key", "--set #2:1:10 scenario.duration",
            ]
        )
        #expect(
            located(Self.base, overrides: ["thresholds[1]=p99(mesage_rtt) < 1s"]) == [
                "--set #1:1:19 scenario.threshold.metric"
            ]
        )
    }

    @Test("Override diagnostics come before file diagnostics")
    func ordering() {
        #expect(
            located("name: x\nlaod: 1", overrides: ["load.connections=0"]) == [
                "--set #1:1:18 scenario.range", "test.yaml:2:1 scenario.unknown-key",
            ]
        )
    }

    @Test("Override.parse splits keys and indexes with their columns")
    func parse() throws {
        let override = try Override.parse("a.b[2].c=x")
        #expect(override.segments.map(\.segment) == [.key("a"), .key("b"), .index(2), .key("c")])
        #expect(override.segments.map(\.column) == [1, 3, 4, 8])
        #expect(override.value.scalar == "x")
        #expect(override.value.position == SourcePosition(file: "--set", line: 1, column: 10))
    }
}
