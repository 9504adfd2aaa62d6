import Foundation
import TestSupport
import Testing

/// Verdicts a CI gate can trust, through the built binary: every command that measures exits 4 with verdict
/// `error` when it measured nothing (whatever its thresholds), and a run stopped by an `abortOnFail` threshold
/// names it in every output.
@Suite("wsprobe verdicts through the built binary", .serialized)
struct VerdictCommandTests {
    /// A scenario whose only threshold passes when nothing was measured: it must not make the run pass.
    static let lenientScenario = """
        name: unreachable
        duration: 2s
        target:
          timeouts:
            connect: 1s
        load:
          connections: 2
          messages:
            rate: 10/s
        steps:
          - repeat:
              steps:
                - send:
                    size: 16B
                - expect:
                    timeout: 1s
        thresholds:
          - count(messages_lost) == 0
        """

    static func write(_ text: String, in folder: URL, name: String) throws -> String {
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test("run: no connection upgraded exits 4 with verdict error and says so, although its threshold passed")
    func runMeasuredNothing() async throws {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try Self.write(Self.lenientScenario, in: folder, name: "unreachable.yaml")
        let url = "ws://127.0.0.1:\(try LoopbackPort.free())/"
        let out = folder.appendingPathComponent("out")
        let run = try await WSProbeBinary.run(["run", scenario, "--quiet", "--url", url, "--out", out.path])
        #expect(run.status == 4, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardOutput.contains("ERROR"))
        #expect(run.standardOutput.contains("Nothing measured: no connection upgraded ("))
        let report = try RunCommandTests.report(in: out)
        #expect(report["verdict"] as? String == "error")
        #expect((report["errorReason"] as? String)?.hasPrefix("no connection upgraded (") == true)
        let thresholds = try #require(report["thresholds"] as? [[String: Any]])
        #expect(thresholds.allSatisfy { $0["passed"] as? Bool == true })
        let junit = try String(contentsOf: out.appendingPathComponent("junit.xml"), encoding: .utf8)
        #expect(junit.contains("type=\"run.error\""))

        // merge: a shard that measured nothing makes the merged verdict error, with the same status.
        let report0 = out.appendingPathComponent("report.json").path
        let merged = folder.appendingPathComponent("merged.json").path
        let merge = try await WSProbeBinary.run(["merge", report0, "-o", merged])
        #expect(merge.status == 4, "\(merge.standardOutput)\(merge.standardError)")
    }

    @Test("probe rate: steps that measured nothing never pass; the search exits 4")
    func rateMeasuredNothing() async throws {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try Self.write(Self.lenientScenario, in: folder, name: "unreachable.yaml")
        let url = "ws://127.0.0.1:\(try LoopbackPort.free())/"
        let run = try await WSProbeBinary.run(
            ["probe", "rate", scenario, "--url", url, "--from", "10/s", "--to", "10/s", "--step", "1s"],
            timeout: .seconds(60)
        )
        #expect(run.status == 4, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardOutput.contains("nothing measured: no connection upgraded"))
    }

    /// What each command that measures does against a target where nothing listens (`{url}`, `{scenario}`
    /// and `{out}` are filled in): every one exits non-zero, 4 (nothing measured) except `check`, which
    /// exists to diagnose the upgrade and fails (1) with the diagnosis.
    static let unreachable: [(command: String, arguments: [String], status: Int32)] = [
        ("check", ["check", "{url}"], 1),
        ("run", ["run", "{scenario}", "--quiet", "--url", "{url}", "--out", "{out}"], 4),
        ("probe idle", ["probe", "idle", "{url}", "--max", "2s"], 4),
        ("probe deflate", ["probe", "deflate", "{url}"], 4),
        (
            "probe rate",
            ["probe", "rate", "{scenario}", "--url", "{url}", "--from", "10/s", "--to", "10/s", "--step", "1s"], 4
        ),
    ]

    /// Commands that measure nothing themselves: they serve, validate, lint, render or compare results, or act as
    /// another tool's testee (`merge` takes its verdict from its inputs: see `runMeasuredNothing`).
    static let notMeasuring: Set<String> = [
        "serve", "validate", "report", "merge", "compare", "alb lint", "alb scenario", "autobahn",
    ]

    /// The subcommand names `wsprobe [group] --help` lists.
    static func subcommands(_ group: [String]) async throws -> [String] {
        let help = try await WSProbeBinary.run(group + ["--help"]).standardOutput
        let section = help.components(separatedBy: "SUBCOMMANDS:").dropFirst().first ?? ""
        return section.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), !line.contains("See 'wsprobe help") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }
    }

    @Test("every command is classified: it measures (and is in the unreachable-target table) or it does not")
    func everyCommandClassified() async throws {
        var commands: [String] = []
        for name in try await Self.subcommands([]) {
            let nested = try await Self.subcommands([name])
            commands += nested.isEmpty ? [name] : nested.map { "\(name) \($0)" }
        }
        #expect(commands.contains("probe rate") && commands.contains("alb lint"), "\(commands)")
        let classified = Set(Self.unreachable.map(\.command)).union(Self.notMeasuring)
        #expect(Set(commands) == classified, "classify new commands in VerdictCommandTests")
    }

    @Test(
        "against a port where nothing listens, every command that measures exits non-zero: 4, check 1",
        arguments: Self.unreachable.map { ($0.command, $0.arguments, $0.status) }
    )
    func unreachableTarget(command: String, arguments: [String], status: Int32) async throws {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let values = [
            "{url}": "ws://127.0.0.1:\(try LoopbackPort.free())/",
            "{scenario}": try Self.write(Self.lenientScenario, in: folder, name: "unreachable.yaml"),
            "{out}": folder.appendingPathComponent("out").path,
        ]
        let run = try await WSProbeBinary.run(arguments.map { values[$0] ?? $0 }, timeout: .seconds(60))
        #expect(run.status == status, "\(command): \(run.standardOutput)\(run.standardError)")
    }

    @Test("an abortOnFail stop names its threshold on the console, in report.json, the HTML page and JUnit")
    func abortNamed() async throws {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try Self.write(
            """
            name: abort
            duration: 20s
            load:
              connections: 2
              messages:
                rate: 20/s
            steps:
              - repeat:
                  steps:
                    - send:
                        size: 32B
                    - expect:
                        timeout: 2s
            thresholds:
              - threshold: count(messages_sent) < 5
                abortOnFail: true
            """,
            in: folder,
            name: "abort.yaml"
        )
        let out = folder.appendingPathComponent("out")
        let run = try await WSProbeBinary.run(["run", scenario, "--quiet", "--out", out.path], timeout: .seconds(60))
        #expect(run.status == 1, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardOutput.contains("Stopped early by the abortOnFail threshold count(messages_sent) < 5"))
        #expect(!run.standardOutput.contains("connections stopped by the"))
        let report = try RunCommandTests.report(in: out)
        #expect(report["abortedBy"] as? String == "count(messages_sent) < 5")
        #expect(report["verdict"] as? String == "failed")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("Stopped early by the abortOnFail threshold count(messages_sent) &lt; 5"))
        let junit = try String(contentsOf: out.appendingPathComponent("junit.xml"), encoding: .utf8)
        #expect(junit.contains("<property name=\"wsprobe.abortedBy\" value=\"count(messages_sent) &lt; 5\"/>"))
    }
}
