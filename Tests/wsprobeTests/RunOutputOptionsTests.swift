import Foundation
import TestSupport
import Testing

/// What `wsprobe run` writes and where: the scenario's `output.dir` and `output.formats`, `--out` over
/// `output.dir`, the scenario as run inside report.json, and the open-files check before any load.
@Suite("wsprobe run output options", .serialized)
struct RunOutputOptionsTests {
    /// A one-connection scenario in `folder` with `output` (YAML lines under `output:`) and a secret header.
    static func scenario(in folder: URL, output: String) throws -> String {
        let file = folder.appendingPathComponent("out-test.yaml")
        let yaml = """
            name: out-test
            target:
              headers:
                Authorization: Bearer very-secret-token
            load:
              connections: 1
            steps:
              - send: hello
              - expect:
                  timeout: 2s
              - close
            thresholds:
              - count(messages_lost) == 0
            output:
            \(output)
            """
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    static func exists(_ folder: URL, _ name: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path)
    }

    @Test("output.formats is obeyed: no report.html and no console summary when they are not listed")
    func formats() async throws {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.scenario(in: folder, output: "  formats: [json, junit]")
        let out = folder.appendingPathComponent("out")
        let run = try await WSProbeBinary.run(["run", file, "--quiet", "--out", out.path])
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        #expect(Self.exists(out, "report.json"))
        #expect(Self.exists(out, "junit.xml"))
        #expect(!Self.exists(out, "report.html"), "html was not asked for")
        #expect(!run.standardOutput.contains("wsprobe run  out-test"), "no console summary\n\(run.standardOutput)")
        #expect(run.standardOutput.contains("result: \(out.path)/report.json"))
    }

    @Test("output.dir is the report folder, relative to the scenario's folder; --out overrides it")
    func directory() async throws {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.scenario(in: folder, output: "  dir: results/ci")
        let fromScenario = folder.appendingPathComponent("results/ci")
        let first = try await WSProbeBinary.run(["run", file, "--quiet"])
        #expect(first.status == 0, "\(first.standardOutput)\(first.standardError)")
        for name in ["report.json", "report.html", "junit.xml"] {
            #expect(Self.exists(fromScenario, name), "\(name) in output.dir")
        }
        try FileManager.default.removeItem(at: fromScenario)
        let override = folder.appendingPathComponent("override")
        let second = try await WSProbeBinary.run(["run", file, "--quiet", "--out", override.path])
        #expect(second.status == 0, "\(second.standardOutput)\(second.standardError)")
        #expect(Self.exists(override, "report.json"))
        #expect(!Self.exists(fromScenario, "report.json"), "--out wins over output.dir")
    }

    @Test("report.json carries the scenario as run: --set applied, secrets redacted")
    func scenarioAsRun() async throws {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.scenario(in: folder, output: "  formats: [json, html]")
        let run = try await WSProbeBinary.run(
            ["run", file, "--quiet", "--out", folder.path, "--set", "load.connections=2"]
        )
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        let report = try RunCommandTests.report(in: folder)
        let scenario = try #require(report["scenario"] as? [String: Any], "\(report.keys.sorted())")
        #expect(scenario["name"] as? String == "out-test")
        #expect((scenario["load"] as? [String: Any])?["connections"] as? Int == 2)
        let headers = (scenario["target"] as? [String: Any])?["headers"] as? [String: Any]
        #expect(headers?["Authorization"] as? String == "[redacted]")
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("[redacted]"), "the Scenario section shows the redacted scenario")
        #expect(!html.contains("very-secret-token"))
    }

    @Test("a closed model whose connections cannot fit under the open-files hard limit exits 3 before any load")
    func fileLimit() async throws {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 100 connections to the embedded echo target need 2 × 100 + 64 descriptors; the limit is 128.
        let run = try await ChildProcess.run(
            "/bin/sh",
            [
                "-c", "ulimit -n 128 && exec \"$0\" \"$@\"", WSProbeBinary.path,
                "run", RunCommandTests.scenarioPath("smoke"), "--quiet", "--out", folder.path,
                "--set", "load.connections=100",
            ],
            timeout: .seconds(30)
        )
        #expect(run.status == 3, "\(run.outputText)\(run.error)")
        #expect(run.error.contains("error[limits.open-files]"), "\(run.error)")
        #expect(run.error.contains("264 descriptors"), "\(run.error)")
        #expect(!Self.exists(folder, "report.json"), "nothing ran")
    }
}
