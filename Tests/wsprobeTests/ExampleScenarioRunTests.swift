import Foundation
import TestSupport
import Testing

/// Every file in `scenarios/` runs with `wsprobe run FILE` and no URL, as on a fresh clone, and passes.
///
/// The files are listed from the folder, so a new example is run too. Runs are shortened with `--set` and
/// `--duration` only; every threshold of the file is kept and must pass, except timing thresholds
/// (latency percentiles, throughput), which depend on how loaded the machine is.
@Suite("every example scenario passes with no URL", .serialized)
struct ExampleScenarioRunTests {
    static let folder = RunCommandTests.repository.appendingPathComponent("scenarios")

    /// Every `.yaml` file of `scenarios/`.
    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }.sorted()
    }()

    /// How each example is shortened for the test; a file not listed runs as written.
    static let shortened: [String: [String]] = [
        "echo-load": [
            "--set", "load.connections=20", "--set", "load.rampUp=1s", "--set", "load.hold=1s",
            "--set", "load.rampDown=1s", "--set", "steps[0].repeat.for=2s",
        ],
        "ci-gate": ["--set", "load.rampUp=1s", "--set", "load.hold=2s"],
        "deflate": ["--duration", "2s"],
        "arrival-rate": ["--duration", "2s"],
        "rate-search": ["--duration", "2s"],
        "tls": ["--set", "load.hold=1s", "--set", "load.connections=4"],
        // α = 1e-6 instead of 0.01: a correct 3:2:1 spread then fails the χ² check once in a million runs.
        "alb-weights": ["--set", "weights.significance=0.000001", "--set", "load.rampUp=2s"],
        "alb-idle": ["--set", "load.hold=5s", "--set", "steps[1].repeat.for=4s"],
        "alb-drain": RunEmbeddedALBTests.shortDrain,
    ]

    @Test("the scenarios folder holds the documented examples")
    func listed() {
        #expect(Self.files.count >= 10, "\(Self.files)")
        #expect(Self.files.contains("alb-drain"))
    }

    @Test("each example passes against its embedded target", arguments: files)
    func passes(name: String) async throws {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try await WSProbeBinary.run(
            ["run", RunCommandTests.scenarioPath(name), "--quiet", "--out", folder.path]
                + (Self.shortened[name] ?? []),
            timeout: .seconds(90)
        )
        let output = "\(run.standardOutput)\(run.standardError)"
        let report = try RunCommandTests.report(in: folder)
        let thresholds = try #require(report["thresholds"] as? [[String: Any]], "\(output)")
        let failed = thresholds.filter { $0["passed"] as? Bool == false }.compactMap { $0["expression"] as? String }
        #expect(failed.allSatisfy(RunCommandTests.isTimingThreshold), "thresholds failed: \(failed)\n\(output)")
        let checks = report["checks"] as? [[String: Any]] ?? []
        let failedChecks = checks.filter { $0["passed"] as? Bool == false }.compactMap { $0["name"] as? String }
        #expect(failedChecks.isEmpty, "checks failed: \(failedChecks)\n\(output)")
        #expect(run.status == (failed.isEmpty ? 0 : 1), "\(output)")
        #expect(report["scenarioName"] as? String == name)
        #expect(report["verdict"] as? String == (failed.isEmpty ? "passed" : "failed"))
        #expect(report["interrupted"] as? Bool == false)
        let upgrades = try #require(RunCommandTests.counter(report, "upgrades_ok"), "\(report["metrics"] ?? "")")
        #expect(upgrades > 0)
        #expect(RunCommandTests.counter(report, "upgrades_failed") == 0, "\(output)")
        let sent = RunCommandTests.counter(report, "messages_sent") ?? -1
        let received = RunCommandTests.counter(report, "messages_received") ?? -1
        let lost = RunCommandTests.counter(report, "messages_lost") ?? -1
        #expect(sent == received + lost)
        #expect(run.standardOutput.contains("wsprobe run  \(name)"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(!files.contains("engine.json"), "one result: report.json and its views (\(files))")
        #expect(report["loadDetails"] is [String: Any], "the engine's figures are in report.json")
    }
}
