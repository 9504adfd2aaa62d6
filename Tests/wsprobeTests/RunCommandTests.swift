import Foundation
import TestSupport
import Testing

/// `wsprobe run` end to end through the built binary: exit statuses, SIGINT, and exact
/// counts against an independent Python websockets server.
@Suite("wsprobe run through the built binary", .serialized)
struct RunCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func scenarioPath(_ name: String) -> String {
        repository.appendingPathComponent("scenarios/\(name).yaml").path
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsprobe-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func report(in folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("report.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func counter(_ report: [String: Any], _ name: String) -> Int? {
        let metrics = report["metrics"] as? [String: Any]
        let counters = metrics?["counters"] as? [String: Any]
        return (counters?[name] as? NSNumber)?.intValue
    }

    /// Thresholds on timing (latency percentiles, throughput) may fail on a loaded machine; the others may not.
    static func isTimingThreshold(_ expression: String) -> Bool {
        ["p", "max(", "mean(", "min(", "throughput("].contains { expression.hasPrefix($0) }
            && !expression.hasPrefix("rate(")
    }

    @Test("an invalid scenario exits 2 with its diagnostics")
    func invalidScenario() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.yaml")
        try "name: bad\nload:\n  connections: many\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try await WSProbeBinary.run(["run", file.path, "--quiet", "--out", folder.path])
        #expect(run.status == 2, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardError.contains("bad.yaml:3:"))
    }

    @Test("an output folder that cannot be written exits 3 before any load")
    func unwritableOutput() async throws {
        let run = try await WSProbeBinary.run(
            ["run", Self.scenarioPath("smoke"), "--quiet", "--out", "/proc/wsprobe-cannot-write-here"]
        )
        #expect(run.status == 3, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardError.contains("output.unwritable"))
    }

    @Test("SIGINT stops the run, closes with 1001, writes the result with interrupted: true and exits 130")
    func interrupt() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = try ChildProcess.launch(
            WSProbeBinary.path,
            ["run", Self.scenarioPath("echo-load"), "--quiet", "--out", folder.path, "--set", "load.connections=20"]
        )
        try await Task.sleep(for: .seconds(2))
        process.send(SIGINT)
        let status = await process.wait(timeout: .seconds(20))
        if status == nil { await process.stop() }
        #expect(status == 130)
        let report = try Self.report(in: folder)
        #expect(report["interrupted"] as? Bool == true)
        #expect(report["verdict"] as? String == "failed")
        let sent = Self.counter(report, "messages_sent") ?? -1
        #expect(sent > 0)
        #expect(
            sent == (Self.counter(report, "messages_received") ?? -1) + (Self.counter(report, "messages_lost") ?? -1)
        )
    }

    @Test("against a Python websockets server the counts add up exactly: N×M sent and received, N upgrades")
    func pythonServer() async throws {
        let server = try await PythonWebSocketServer.start()
        defer { server.stop() }
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("python.yaml")
        try """
        name: python
        load:
          connections: 6
        steps:
          - repeat:
              times: 25
              steps:
                - send:
                    type: binary
                    size: 200B
                - expect:
                    timeout: 2s
          - ping
          - close
        thresholds:
          - count(messages_lost) == 0
          - count(errors) == 0
        """.write(to: file, atomically: true, encoding: .utf8)
        let run = try await WSProbeBinary.run(
            ["run", file.path, "--quiet", "--url", server.url, "--out", folder.path],
            timeout: .seconds(60)
        )
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        let report = try Self.report(in: folder)
        #expect(Self.counter(report, "upgrades_ok") == 6)
        #expect(Self.counter(report, "messages_sent") == 150)
        #expect(Self.counter(report, "messages_received") == 150)
        #expect(Self.counter(report, "messages_lost") == 0)
        #expect(Self.counter(report, "pongs_received") == 6)
    }

    @Test(
        "a Python websockets target that dies mid-run: the run finishes, connections end with close codes, counts add up"
    )
    func pythonServerDies() async throws {
        let server = try await PythonWebSocketServer.start()
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("dies.yaml")
        try """
        name: dies
        duration: 4s
        load:
          connections: 5
          messages:
            rate: 20/s
        steps:
          - repeat:
              steps:
                - send:
                    size: 64B
                - expect:
                    timeout: 1s
        """.write(to: file, atomically: true, encoding: .utf8)
        Task {
            try await Task.sleep(for: .milliseconds(1500))
            server.stop()
        }
        let run = try await WSProbeBinary.run(
            ["run", file.path, "--quiet", "--url", server.url, "--out", folder.path],
            timeout: .seconds(60)
        )
        server.stop()
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        let report = try Self.report(in: folder)
        #expect(Self.counter(report, "upgrades_ok") == 5)
        let sent = Self.counter(report, "messages_sent") ?? -1
        #expect(sent > 0)
        #expect(
            sent == (Self.counter(report, "messages_received") ?? -1) + (Self.counter(report, "messages_lost") ?? -1)
        )
        let errors = (report["metrics"] as? [String: Any])?["errors"] as? [String: Any] ?? [:]
        let closes = errors.filter { $0.key.hasPrefix("close.") }.values.compactMap { ($0 as? NSNumber)?.intValue }
        #expect(closes.reduce(0, +) == 5, "\(errors)")
    }
}
