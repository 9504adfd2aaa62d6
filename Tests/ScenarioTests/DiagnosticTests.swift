import Scenario
import Testing

@Suite("Diagnostics carry a stable code and an exact position")
struct DiagnosticTests {
    @Test(
        "Each code at its line and column",
        arguments: [
            ("name: x\n  bad: [", ["2:6 scenario.yaml"]),
            ("", ["1:1 scenario.empty"]),
            ("# only a comment\n", ["1:1 scenario.empty"]),
            ("name: x\nname: y", ["1:1 scenario.duplicate-key"]),
            ("name: x\nlaod: {}", ["2:1 scenario.unknown-key"]),
            ("name: x\ntarget:\n  url: ws://h\n  tsl: {}", ["4:3 scenario.unknown-key"]),
            ("description: no name", ["1:1 scenario.missing-key"]),
            ("- a list", ["1:1 scenario.type"]),
            ("name: x\ntarget: ws://h", ["2:9 scenario.type"]),
            ("name: x\nload: {connections: many}", ["2:21 scenario.type"]),
            ("name: x\nload: {connections: \"5\"}", ["2:21 scenario.type"]),
            ("name: x\ntarget: {tls: {insecure: yes}}", ["2:26 scenario.type"]),
            ("name: x\nload: {connections: 0}", ["2:21 scenario.range"]),
            ("name: x\ntarget: {deflate: {clientMaxWindowBits: 8}}", ["2:41 scenario.range"]),
            ("name: x\ntarget: {deflate: {serverMaxWindowBits: 16}}", ["2:41 scenario.range"]),
            ("name: x\ntarget: {tls: {minVersion: \"1.1\"}}", ["2:28 scenario.choice"]),
            ("name: x\nload: {spacing: poison, arrivalRate: 1/s}\nduration: 1s", ["2:17 scenario.choice"]),
            ("name: x\nduration: 30", ["2:11 scenario.duration"]),
            ("name: x\nduration: 1h30", ["2:11 scenario.duration"]),
            ("name: x\nduration: 1day", ["2:11 scenario.duration"]),
            ("name: x\nduration: 1m\nload: {arrivalRate: 200}", ["3:21 scenario.rate"]),
            ("name: x\nsteps:\n  - send: {size: 64}", ["3:18 scenario.size"]),
            ("name: x\nsteps:\n  - send: {size: 128MiB}", ["3:18 scenario.range"]),
            ("name: x\nload:\n  churn: {reconnect: {jitter: 50}}", ["3:31 scenario.percentage"]),
            ("name: x\ntarget: {url: \"https://h\"}", ["2:15 scenario.url"]),
            ("name: x\ntarget: {url: \"ws://\"}", ["2:15 scenario.url"]),
            ("name: x\ntarget: {url: \"ws://h/#f\"}", ["2:15 scenario.url"]),
            ("name: x\nsteps:\n  - expect: {regex: \"(\"}", ["3:21 scenario.regex"]),
            ("name: x\nsteps:\n  - send: \"a {{sequence}}\"", ["3:14 scenario.template"]),
            ("name: x\nsteps:\n  - send: 'a {{seq'", ["3:14 scenario.template"]),
            ("name: x\ntarget: {source: 127.0.0.9-127.0.0.2}", ["2:18 scenario.address"]),
            ("name: x\ntarget: {source: [10.0.0.300]}", ["2:18 scenario.address"]),
            ("name: x\ntarget: {resolve: [\"h:99999:1.2.3.4\"]}", ["2:19 scenario.address"]),
            ("name: x\ntarget: {resolve: [\"h:443:nope\"]}", ["2:19 scenario.address"]),
            ("name: x\nsteps:\n  - {send: a, sleep: 1s}", ["3:15 scenario.exclusive"]),
            ("name: x\nload: {connections: 5, stages: [{duration: 1s, target: 5}]}", ["2:8 scenario.exclusive"]),
            (
                "name: x\nload: {model: open, connections: 5, arrivalRate: 1/s}\nduration: 1s",
                ["2:21 scenario.exclusive"]
            ),
            ("name: x\nload: {model: open}", ["2:7 scenario.missing-key"]),
            ("name: x\ntarget: {url: \"ws://h\", embedded: {targets: [a]}}", ["2:25 scenario.exclusive"]),
            ("name: x\nidentity: {header: X, timeout: 1s}", ["2:23 scenario.exclusive"]),
            ("name: x\nsteps:\n  - close: {code: 1006}", ["3:19 scenario.close-code"]),
            ("name: x\nsteps:\n  - close: {code: 999}", ["3:19 scenario.close-code"]),
            (
                "name: x\ntarget: {embedded: {targets: [a, b]}}\nweights: {targets: {a: 1, z: 1}}",
                ["3:27 scenario.reference"]
            ),
            (
                "name: x\ntarget: {embedded: {targets: [a], rules: [{forward: [q]}]}}",
                ["2:53 scenario.reference"]
            ),
            ("name: x\nthresholds:\n  - p99(message_rtt) > > 1s", ["3:24 scenario.threshold.syntax"]),
            ("name: x\nthresholds:\n  - \"p99(msg_rtt) < 1s\"", ["3:10 scenario.threshold.metric"]),
            ("name: x\nthresholds:\n  - p99(upgrade_ok) < 1s", ["3:5 scenario.threshold.aggregate"]),
            ("name: x\nthresholds:\n  - {threshold: 'count(errors) == 1s'}", ["3:35 scenario.threshold.unit"]),
            ("name: x\nthresholds:\n  - count(errors{kind=\"x\"}) == 0", ["3:18 scenario.threshold.label"]),
            (
                "name: x\ntarget: {embedded: {targets: [a, a]}}",
                ["2:34 scenario.duplicate-name"]
            ),
            (
                "name: x\nroutes:\n  - {name: r, expect: {status: 404}}\n  - {name: r, expect: {status: 403}}",
                ["4:12 scenario.duplicate-name"]
            ),
            ("name: x\nsteps:\n  - close\n  - ping", ["4:5 scenario.unreachable"]),
            ("name: x\nsteps:\n  - repeat: {steps: [ping]}\n  - close", ["4:5 scenario.unreachable"]),
        ] as [(String, [String])]
    )
    func codes(yaml: String, expected: [String]) {
        #expect(problems(yaml) == expected)
    }

    @Test("Every problem is reported, not just the first")
    func collectsAll() {
        let yaml = """
            name: many
            target:
              url: http://h
              heders: {}
            load:
              connections: 0
            steps:
              - sleep: 5
              - send: {size: 1KB, file: x}
            thresholds:
              - p99(message_rtt) < 5%
            """
        #expect(
            problems(yaml) == [
                "3:8 scenario.url", "4:3 scenario.unknown-key", "6:16 scenario.range", "8:12 scenario.duration",
                "9:23 scenario.exclusive", "11:24 scenario.threshold.unit",
            ]
        )
    }

    @Test("Diagnostics render as file:line:col: severity[code]: message")
    func rendering() throws {
        let result = load("name: x\nlaod: {}")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(
            diagnostic.description
                == "test.yaml:2:1: error[scenario.unknown-key]: unknown key 'laod' at the top level (did you mean 'load'?)"
        )
        #expect(result.hasErrors)
        #expect(result.scenario == nil)
        let warning = try #require(load("name: x\nsteps: [close, ping]").diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.description.hasPrefix("test.yaml:2:16: warning[scenario.unreachable]: "))
    }

    @Test("Warnings alone still yield a scenario")
    func warningsAllowed() {
        let result = load("name: x\nsteps: [close, ping]")
        #expect(result.scenario != nil)
        #expect(result.warnings.count == 1)
        #expect(result.errors.isEmpty)
    }

    @Test("A missing file is a scenario.file diagnostic")
    func missingFile() {
        let result = ScenarioLoader().load(contentsOfFile: "/nonexistent/x.yaml")
        #expect(result.diagnostics.map(\.code) == [.file])
        #expect(result.diagnostics.first?.file == "/nonexistent/x.yaml")
    }

    @Test("The throwing entry point carries every diagnostic")
    func throwing() {
        #expect {
            try ScenarioLoader().scenario(yaml: "name: x\nlaod: 1\nduration: 3", file: "f.yaml")
        } throws: { error in
            guard let error = error as? DiagnosticError else { return false }
            return error.diagnostics.map(\.code) == [.unknownKey, .duration]
                && error.description.contains("f.yaml:3:11")
        }
    }

    @Test("Unknown keys suggest the closest known key only when it is close")
    func suggestions() {
        let near = load("name: x\ntresholds: []").diagnostics.first?.message ?? ""
        #expect(near.contains("did you mean 'thresholds'?"))
        let far = load("name: x\nzzzzzz: 1").diagnostics.first?.message ?? ""
        #expect(!far.contains("did you mean"))
    }

    @Test("Every code is distinct and dotted under scenario.")
    func codeCatalogue() {
        let raw = Diagnostic.Code.all.map(\.rawValue)
        #expect(Set(raw).count == raw.count)
        #expect(raw.allSatisfy { $0.hasPrefix("scenario.") })
    }

    @Test("Routes naming targets need embedded targets when there is no URL")
    func anonymousEmbedded() {
        #expect(problems("name: x\nweights: {targets: {a: 1}}") == ["2:1 scenario.reference"])
        #expect(problems("name: x\nroutes: [{name: r, expect: {status: 403}}]") == [])
    }

    @Test("A route's method must be an HTTP token and its Upgrade value a protocol token")
    func routeTokens() {
        func row(_ request: String) -> String {
            "name: x\nroutes:\n  - name: r\n    request: \(request)\n    expect: {status: 405}"
        }
        #expect(problems(row("{method: POST, upgradeHeader: WEBSOCKET}")) == [])
        #expect(problems(row("{method: post, upgradeHeader: websocket/13}")) == [])
        #expect(problems(row("{method: M-SEARCH, upgradeHeader: h2c}")) == [])
        #expect(problems(row("{method: \"PO ST\"}")) == ["4:23 scenario.http-token"])
        #expect(problems(row("{method: \"GET\\r\\n\"}")) == ["4:23 scenario.http-token"])
        #expect(problems(row("{method: \"\"}")) == ["4:23 scenario.http-token"])
        #expect(problems(row("{upgradeHeader: \"web socket\"}")) == ["4:30 scenario.http-token"])
        #expect(problems(row("{upgradeHeader: \"websocket/\"}")) == ["4:30 scenario.http-token"])
        let message = load(row("{method: \"PO ST\"}")).diagnostics.first?.message ?? ""
        #expect(message.contains("routes[0].request.method"), "\(message)")
    }

    @Test("Routes or weights against a real URL need an identity source")
    func identityRequired() {
        let yaml = "name: x\ntarget: {url: \"ws://h\"}\nroutes:\n  - {name: r, expect: {target: a}}"
        #expect(problems(yaml) == ["3:1 scenario.missing-key"])
        #expect(problems(yaml + "\nidentity: {header: X-Id}") == [])
    }
}

@Suite("Diagnostic snippets")
struct DiagnosticSnippetTests {
    @Test("A diagnostic renders with its source line and a caret under the column")
    func snippet() throws {
        let result = load("name: x\ntarget:\n  url: http://h")
        let rendered = try #require(result.renderedDiagnostics.first)
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("test.yaml:3:8: error[scenario.url]: "))
        #expect(lines[1] == "  3 |   url: http://h")
        #expect(lines[2] == "    |        ^")
    }

    @Test("Override diagnostics quote the argument")
    func overrideSnippet() throws {
        let result = load("name: x", overrides: ["load.connections=many"])
        #expect(
            result.renderedDiagnostics.first?.hasSuffix("  1 | load.connections=many\n    |                  ^") == true
        )
    }

    @Test("Without source text the plain form is used")
    func plain() {
        let diagnostic = Diagnostic(.error, .yaml, "m", at: SourcePosition(file: "f", line: 9, column: 1))
        #expect(diagnostic.rendered(source: nil) == "f:9:1: error[scenario.yaml]: m")
        #expect(diagnostic.rendered(source: "one line") == "f:9:1: error[scenario.yaml]: m")
    }
}
