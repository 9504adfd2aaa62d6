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
        let merge = try await WSProbeBinary.run(["merge", report0, report0, "-o", merged])
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

    @Test(
        "probes that reach nothing exit 4: deflate (no offer answered) and idle (no probe connection)",
        arguments: [["probe", "deflate"], ["probe", "idle", "--max", "2s"]]
    )
    func probeMeasuredNothing(command: [String]) async throws {
        let url = "ws://127.0.0.1:\(try LoopbackPort.free())/"
        let run = try await WSProbeBinary.run(Array(command.prefix(2)) + [url] + Array(command.dropFirst(2)))
        #expect(run.status == 4, "\(run.standardOutput)\(run.standardError)")
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
