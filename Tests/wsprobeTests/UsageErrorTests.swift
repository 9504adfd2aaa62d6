import Foundation
import TestSupport
import Testing

/// Invalid command-line input ends with status 2 for every command (docs/exit-codes.md), with a stable code
/// or ArgumentParser's message, and never traps; `--help` and `--version` end with 0.
@Suite("usage errors exit 2 through the built binary")
struct UsageErrorTests {
    static let smokeScenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenarios/smoke.yaml").path

    @Test(
        "ArgumentParser's own errors (unknown flag, missing or malformed value, validate()) exit 2, not 64",
        arguments: [
            ["check", "--count", "-1"],
            ["check", "--bogus"],
            ["check", "--count", "ten"],
            ["check", "--count", "10001"],
            ["check", "ws://127.0.0.1:9/", "--tls"],
            ["validate"],
            ["run"],
            ["probe", "idle", "--bogus"],
            ["serve", "--close-code", "1005"],
            ["alb", "lint"],
            ["merge"],
            ["no-such-command"],
        ]
    )
    func parserErrors(arguments: [String]) async throws {
        let run = try await WSProbeBinary.run(arguments)
        #expect(run.status == 2, "\(arguments): \(run.standardOutput)\(run.standardError)")
        #expect(!run.standardError.isEmpty, "the error is explained on stderr")
    }

    @Test(
        "--help, help <command> and --version still exit 0",
        arguments: [["--help"], ["help", "check"], ["check", "--help"], ["--version"]]
    )
    func helpExitsZero(arguments: [String]) async throws {
        let run = try await WSProbeBinary.run(arguments)
        #expect(run.status == 0, "\(arguments): \(run.standardError)")
        #expect(!run.standardOutput.isEmpty)
    }

    @Test(
        "CR or LF in -H, --origin or --subprotocol, a space in the host, --tls-min on ws:// exit 2 with a code",
        arguments: [
            (["check", "ws://127.0.0.1:9/", "-H", "X-A: a\r\nX-B: b"], "usage.header"),
            (["check", "ws://127.0.0.1:9/", "-H", "Bad Name: b"], "usage.header"),
            (["check", "ws://127.0.0.1:9/", "--origin", "https://a.example\nX: y"], "usage.origin"),
            (["check", "ws://127.0.0.1:9/", "--subprotocol", "chat\r\nX: y"], "usage.subprotocol"),
            (["check", "ws://127.0.0.1:9/", "--subprotocol", "two words"], "usage.subprotocol"),
            (["check", "ws://a b.example/"], "usage.url"),
            (["check", "ws://a\nb.example/"], "usage.url"),
            (["check", "ws://127.0.0.1:9/a b"], "usage.url"),
            (["check", "ws://127.0.0.1:9/", "--tls-min", "1.3"], "usage.tls"),
            (["check", "ws://127.0.0.1:9/", "--key", "k.pem"], "usage.tls"),
            (["probe", "deflate", "ws://127.0.0.1:9/", "--tls-min", "1.2"], "usage.tls"),
        ]
    )
    func invalidValues(arguments: [String], code: String) async throws {
        let run = try await WSProbeBinary.run(arguments)
        #expect(run.status == 2, "\(arguments): \(run.standardOutput)\(run.standardError)")
        #expect(run.standardError.contains("error[\(code)]"), "stderr: \(run.standardError)")
        #expect(!run.standardError.contains("\r"), "control characters are escaped in the message")
    }

    @Test(
        "one duration rule: a bare number is refused everywhere with the hint to write a unit",
        arguments: [
            ["check", "--connect-timeout", "1"],
            ["check", "--timeout", "5"],
            ["alb", "lint", "alb.json", "--heartbeat", "30"],
            ["probe", "idle", "--max", "60"],
            ["run", Self.smokeScenario, "--duration", "10"],
            ["serve", "--idle-close", "3"],
        ]
    )
    func bareDurations(arguments: [String]) async throws {
        let run = try await WSProbeBinary.run(arguments)
        #expect(run.status == 2, "\(arguments): \(run.standardOutput)\(run.standardError)")
        #expect(run.standardError.contains("has no unit"), "stderr: \(run.standardError)")
        #expect(run.standardError.contains("write e.g."), "stderr: \(run.standardError)")
    }

    @Test(
        "one size limit: above 16MiB every size flag exits 2 (4GiB used to trap with status 132)",
        arguments: [
            ["check", "--size", "4GiB", "--count", "1"],
            ["check", "--size", "16777217"],
            ["check", "--size=-1"],
            ["probe", "deflate", "--size", "17MiB"],
            ["probe", "deflate", "--size", "0"],
        ]
    )
    func sizeLimit(arguments: [String]) async throws {
        let run = try await WSProbeBinary.run(arguments)
        #expect(run.status == 2, "\(arguments): \(run.standardOutput)\(run.standardError)")
        #expect(run.standardError.contains("error[usage.size]"), "stderr: \(run.standardError)")
    }

    @Test("a scenario's send.size has the same 16MiB limit as check --size")
    func scenarioSizeLimit() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsprobe-usage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("big.yaml")
        let text = "name: big\nload: {connections: 1}\nsteps:\n  - send: {size: 17MiB}\n"
        try Data(text.utf8).write(to: file)
        let run = try await WSProbeBinary.run(["validate", file.path])
        #expect(run.status == 2, "\(run.standardOutput)\(run.standardError)")
        #expect((run.standardOutput + run.standardError).contains("16MiB"))
        let within = try await WSProbeBinary.run(["check", "--size", "16MiB", "--count", "0"])
        #expect(within.status == 0, "16MiB itself is allowed: \(within.standardOutput)\(within.standardError)")
    }

    @Test("a send.file payload above 16MiB is refused with 2 and a missing one with 3 (it used to be sent empty)")
    func payloadFiles() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsprobe-usage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = folder.appendingPathComponent("big.bin")
        #expect(FileManager.default.createFile(atPath: big.path, contents: nil))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: UInt64(16 << 20) + 1)
        try handle.close()
        for (payload, status, code) in [("big.bin", Int32(2), "payload.size"), ("missing.bin", 3, "payload.file")] {
            let file = folder.appendingPathComponent("send-\(payload).yaml")
            let text = "name: files\nload: {connections: 1}\nsteps:\n  - send: {file: \(payload)}\n"
            try Data(text.utf8).write(to: file)
            let out = folder.appendingPathComponent("out").path
            let run = try await WSProbeBinary.run(["run", file.path, "--quiet", "--out", out])
            #expect(run.status == status, "\(payload): \(run.standardOutput)\(run.standardError)")
            #expect(run.standardError.contains("error[\(code)]"), "stderr: \(run.standardError)")
        }
    }
}
