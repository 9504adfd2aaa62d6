import Foundation
import Scenario
import TestSupport
import Testing

/// The repository root, found from this file's location.
private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The runnable examples in `scenarios/` and the documentation's examples for other setups in `docs/examples/`.
private let exampleFiles: [String] = ["scenarios", "docs/examples"].flatMap { path in
    let folder = repositoryRoot.appendingPathComponent(path)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0).path }
}

/// A Python program (kept inline: SwiftPM would warn about a stray .py file in the test target) that
/// validates YAML/JSON scenario files against the schema with `jsonschema`, the reference implementation.
/// Prints "ok FILE" or "invalid FILE: <path>: <message>" per file; exits 1 if any is invalid.
private let schemaValidatorScript = #"""
    import json
    import sys

    import jsonschema
    import yaml

    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failed = False
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as handle:
            document = yaml.safe_load(handle)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
        if errors:
            failed = True
            print(f"invalid {path}: {errors[0].json_path}: {errors[0].message}")
        else:
            print(f"ok {path}")
    sys.exit(1 if failed else 0)
    """#

/// Runs the schema validator script; returns its exit status and output lines.
private func validateWithSchema(_ files: [String]) throws -> (status: Int32, lines: [String]) {
    let schema = repositoryRoot.appendingPathComponent("docs/scenario.schema.json").path
    let run = try ChildProcess.runBlocking(
        "/usr/bin/env",
        ["python3", "-c", schemaValidatorScript, schema] + files,
        mergeError: true
    )
    return (run.status, run.outputText.split(separator: "\n").map(String.init))
}

@Suite("Example scenarios and the JSON Schema")
struct ExampleScenarioTests {
    @Test("All eleven documented examples are present")
    func present() {
        let names = exampleFiles.map { URL(fileURLWithPath: $0).lastPathComponent }
        for expected in [
            "smoke.yaml", "echo-load.yaml", "arrival-rate.yaml", "tls.yaml", "deflate.yaml", "ci-gate.yaml",
            "alb-routing.yaml", "alb-weights.yaml", "alb-idle.yaml", "alb-drain.yaml", "rate-search.yaml",
        ] {
            #expect(names.contains(expected), "\(expected) is missing")
        }
    }

    @Test("Every example loads without any diagnostic", arguments: exampleFiles)
    func loads(path: String) {
        let result = ScenarioLoader().load(contentsOfFile: path)
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.scenario != nil)
    }

    @Test("Examples meant for the embedded target have no URL")
    func embeddedExamples() throws {
        for name in [
            "smoke", "echo-load", "arrival-rate", "deflate", "ci-gate", "alb-routing", "alb-weights", "alb-idle",
            "alb-drain",
        ] {
            let path = repositoryRoot.appendingPathComponent("scenarios/\(name).yaml").path
            let scenario = try ScenarioLoader().scenario(contentsOfFile: path)
            #expect(scenario.target.url == nil, "\(name)")
        }
        let routing = try ScenarioLoader().scenario(
            contentsOfFile: repositoryRoot.appendingPathComponent("scenarios/alb-routing.yaml").path
        )
        #expect(Set(routing.target.embedded?.targets.map(\.id) ?? []) == ["a", "b", "c"])
    }

    @Test("Every example validates against docs/scenario.schema.json")
    func schemaAcceptsExamples() throws {
        let (status, lines) = try validateWithSchema(exampleFiles)
        #expect(status == 0, "\(lines)")
        #expect(lines.count == exampleFiles.count)
        #expect(lines.allSatisfy { $0.hasPrefix("ok ") })
    }

    @Test("The schema accepts the every-field scenario and rejects what the loader rejects")
    func schemaAgreesWithLoader() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wsprobe-schema-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases: [(String, String, Bool)] = [
            ("full.yaml", LoaderFieldTests.full, true),
            ("unknown.yaml", "name: x\nlaod: {}", false),
            ("duration.yaml", "name: x\nduration: 30", false),
            ("rate.yaml", "name: x\nload: {arrivalRate: 200}", false),
            ("size.yaml", "name: x\nsteps: [{send: {size: 64}}]", false),
            ("noname.yaml", "description: x", false),
            ("step.yaml", "name: x\nsteps: [{send: a, sleep: 1s}]", false),
        ]
        var files: [String] = []
        for (name, text, loaderAccepts) in cases {
            let path = folder.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            files.append(path)
            #expect((load(text).scenario != nil) == loaderAccepts, "\(name)")
        }
        let (status, lines) = try validateWithSchema(files)
        #expect(status == 1)
        for ((name, _, accepted), line) in zip(cases, lines) {
            #expect(line.hasPrefix(accepted ? "ok " : "invalid "), "\(name): \(line)")
        }
    }
}

@Suite("Documentation stays complete")
struct DocumentationTests {
    private static let scenariosDoc: String = {
        let path = repositoryRoot.appendingPathComponent("docs/scenarios.md").path
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }()

    @Test("docs/scenarios.md documents every diagnostic code")
    func codes() {
        #expect(!Self.scenariosDoc.isEmpty)
        for code in Diagnostic.Code.all {
            let short = code.rawValue.split(separator: ".").last.map { "`.\($0)`" } ?? ""
            #expect(
                Self.scenariosDoc.contains("`\(code.rawValue)`") || Self.scenariosDoc.contains(short),
                "\(code.rawValue) is not documented"
            )
        }
    }

    @Test("docs/scenarios.md documents every metric")
    func metrics() {
        for metric in Metric.allCases {
            #expect(Self.scenariosDoc.contains("`\(metric.rawValue)`"), "\(metric.rawValue) is not documented")
        }
    }
}
