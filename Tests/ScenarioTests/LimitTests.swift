import Foundation
import Scenario
import Testing

/// What a scenario may expand to is bounded (`ScenarioLimits`), and anything past it is a positioned
/// `scenario.limit` error found before it expands: a 345-byte alias bomb used to grow memory without end.
@Suite("Scenario limits")
struct LimitTests {
    /// Nine anchors, each a list of nine aliases of the previous one: 9^9 nodes once expanded.
    static func aliasBomb(indent: String = "  ") -> String {
        var lines = ["\(indent)a: &a [x, x, x, x, x, x, x, x, x]"]
        let names = Array("abcdefghi").map(String.init)
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append(
                "\(indent)\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ")
                    + "]"
            )
        }
        return lines.joined(separator: "\n")
    }

    @Test("an alias bomb in a scenario is refused at the alias that crosses the node limit, in well under a second")
    func aliasBombInFile() {
        let clock = ContinuousClock()
        let start = clock.now
        let result = load("name: bomb\ndescription:\n" + Self.aliasBomb() + "\n")
        #expect(clock.now - start < .seconds(5))
        #expect(result.scenario == nil)
        let diagnostic = result.diagnostics.first
        #expect(diagnostic?.code == .limit)
        #expect(diagnostic?.line == 8, "the first alias of &f crosses 100000 nodes")
        #expect(diagnostic?.column == 10)
        #expect(diagnostic?.message.contains("100000 nodes") == true)
    }

    @Test("an alias bomb in one --set value is refused with its column in the argument")
    func aliasBombInOverride() {
        let flow = "{" + Self.aliasBomb(indent: "").replacingOccurrences(of: "\n", with: ", ") + "}"
        let result = load("name: ok\n", overrides: ["description=\(flow)"])
        #expect(result.scenario == nil)
        let diagnostic = result.diagnostics.first
        #expect(diagnostic?.code == .limit)
        #expect(diagnostic?.file == "--set #1")
        let argument = Array("description=\(flow)")
        let column = diagnostic?.column ?? 0
        #expect((1...argument.count).contains(column) && argument[column - 1] == "*", "the caret points at an alias")
    }

    @Test("aliases within the limit still expand to their values")
    func aliasesWithinLimit() throws {
        let yaml = """
            name: aliases
            description: &text shared text
            load: {connections: 1}
            steps:
              - send: *text
              - send: *text
            """
        let result = load(yaml)
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
        #expect(try #require(result.scenario).steps.count == 2)
    }

    @Test("nesting deeper than 64 levels is refused where the 65th level opens")
    func nesting() {
        let yaml = "name: deep\ndescription: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        let result = load(yaml)
        #expect(result.diagnostics.first?.code == .limit)
        #expect(result.diagnostics.first?.line == 2)
        #expect(result.diagnostics.first?.column == 13 + 64)
    }

    @Test("more steps than the limit are refused at 'steps'; exactly the limit is accepted")
    func stepLimit() throws {
        func scenario(steps: Int) -> String {
            "name: many\nload: {connections: 1}\nsteps:\n"
                + String(repeating: "  - send: hi\n", count: steps)
        }
        #expect(problems(scenario(steps: ScenarioLimits.maximumSteps + 1)) == ["4:3 scenario.limit"])
        #expect(problems(scenario(steps: ScenarioLimits.maximumSteps)).isEmpty)
        let nested =
            "name: nested\nload: {connections: 1}\nsteps:\n  - repeat:\n      times: 2\n      steps:\n"
            + String(repeating: "        - send: hi\n", count: ScenarioLimits.maximumSteps)
        #expect(problems(nested) == ["4:3 scenario.limit"], "steps inside repeat count")
    }

    @Test("a scenario text or file larger than 1MiB is refused without reading past the limit")
    func sizeLimit() throws {
        let padding = "#" + String(repeating: "x", count: ScenarioLimits.maximumBytes) + "\n"
        #expect(problems("name: big\n" + padding) == ["1:1 scenario.limit"])
        let result = ScenarioLoader().load(contentsOfFile: "/dev/zero")
        #expect(result.diagnostics.map(\.code) == [.limit])
    }

    @Test("a --set path deeper than 64 levels is refused (60000 keys overflowed the stack)")
    func overridePathDepth() {
        let deep = Array(repeating: "a", count: 60_000).joined(separator: ".") + "=1"
        #expect(located("name: ok\n", overrides: [deep]) == ["--set #1:1:129 scenario.limit"])
        let indexes = "a" + String(repeating: "[0]", count: 30_000) + "=1"
        #expect(located("name: ok\n", overrides: [indexes]).first?.hasSuffix("scenario.limit") == true)
        let within = Array(repeating: "a", count: 64).joined(separator: ".") + "=1"
        #expect(!located("name: ok\n", overrides: [within]).contains { $0.hasSuffix("scenario.limit") })
    }
}
