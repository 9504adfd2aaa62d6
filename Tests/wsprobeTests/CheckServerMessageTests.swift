import Foundation
import TestSupport
import Testing

/// `wsprobe check` against servers that speak first, break the protocol or reset TCP, through the built binary:
/// unsolicited messages are reported and do not break echo matching, and the close line says what each side
/// sent, who closed and how TCP ended.
@Suite("wsprobe check: server messages and how the connection ended", .serialized)
struct CheckServerMessageTests {
    static func json(_ run: WSProbeBinary.Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    }

    /// The console line of `phase`, passed (`    close …`) or failed (`  ✗ close …`).
    static func line(_ run: WSProbeBinary.Run, phase: String) -> String {
        let lines = run.standardOutput.split(separator: "\n")
        return lines.first { $0.hasPrefix("    \(phase) ") || $0.hasPrefix("  ✗ \(phase) ") }.map(String.init) ?? ""
    }

    @Test("a Python websockets server that greets right after the upgrade passes; the greeting is reported")
    func pythonGreeting() async throws {
        let server = try await PythonWebSocketServer.start(greeting: "welcome, echo user")
        defer { server.stop() }
        let run = try await WSProbeBinary.run(["check", server.url])
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        let echo = Self.line(run, phase: "echo")
        #expect(echo.contains("3/3 × 16 B text"), "\(run.standardOutput)")
        #expect(echo.contains("1 unsolicited message from the server (text, 18 B: \"welcome, echo user\")"))
        let object = try Self.json(try await WSProbeBinary.run(["check", server.url, "--json"]))
        #expect(object["verdict"] as? String == "passed")
        let details = try #require(object["checkDetails"] as? [String: Any])
        #expect(details["unsolicitedMessages"] as? Int == 1)
        #expect(details["unsolicitedSamples"] as? [String] == ["text, 18 B: \"welcome, echo user\""])
    }

    @Test("a greeting in the same write as the 101 (raw server) is not taken for the first echo")
    func rawGreeting() async throws {
        let server = try await HostileServer.start()
        defer { server.stop() }
        let run = try await WSProbeBinary.run(["check", server.url(.greeting), "--count", "5", "--ping"])
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        let echo = Self.line(run, phase: "echo")
        #expect(echo.contains("5/5 × 16 B text"), "\(run.standardOutput)")
        #expect(echo.contains("; 1 unsolicited message from the server (text, 29 B: \"\(HostileRoute.greetingText)\")"))
    }

    @Test("a server that answers with something else is still diagnosed as not an echo server")
    func notAnEcho() async throws {
        let server = try await HostileServer.start()
        defer { server.stop() }
        let run = try await WSProbeBinary.run(["check", server.url(.notEcho), "--timeout", "1s"])
        #expect(run.status == 1, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardOutput.contains("FAIL in open [echo.mismatch]"))
        #expect(run.standardOutput.contains("text, 11 B: \"not an echo\""))
        #expect(run.standardOutput.contains("not an echo server?"))
    }

    @Test("after wsprobe fails the connection with 1002 the close line says it sent 1002, received none, closed TCP")
    func protocolViolation() async throws {
        let server = try await HostileServer.start()
        defer { server.stop() }
        let run = try await WSProbeBinary.run(["check", server.url(.violation)])
        #expect(run.status == 1, "\(run.standardOutput)\(run.standardError)")
        let close = Self.line(run, phase: "close")
        #expect(
            close.contains(
                "sent 1002 protocol error, received no close frame (1006), initiated by wsprobe; wsprobe ended TCP,"
                    + " not clean"
            ),
            "\(run.standardOutput)"
        )
        let object = try Self.json(try await WSProbeBinary.run(["check", server.url(.violation), "--json"]))
        let details = try #require(object["checkDetails"] as? [String: Any])
        let facts = try #require(details["close"] as? [String: Any])
        #expect(facts["sentCode"] as? Int == 1002)
        #expect(facts["code"] as? Int == 1006)
        #expect(facts["initiatedBy"] as? String == "wsprobe")
        #expect(facts["transport"] as? String == "local")
    }

    @Test("a TCP reset in the middle of the check is named a reset, in the diagnosis and the close line")
    func reset() async throws {
        let server = try await HostileServer.start()
        defer { server.stop() }
        let run = try await WSProbeBinary.run(["check", server.url(.resetWhenIdle), "--timeout", "5s"])
        #expect(run.status == 1, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardOutput.contains("FAIL in open [reset.open]"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("reset TCP (RST) without a close frame (1006)"))
        #expect(Self.line(run, phase: "close").contains("the server reset TCP (RST), not clean"))
    }
}

/// `wsprobe run` against the same greeting server: the greeting is unsolicited and echo matching stays exact.
@Suite("wsprobe run: a server greeting", .serialized)
struct RunServerGreetingTests {
    @Test("a greeting behind each 101 is counted as unsolicited, never as an echo: no duplicate, exact bytes")
    func greeting() async throws {
        let server = try await PythonWebSocketServer.start(greeting: "welcome")
        defer { server.stop() }
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("greet.yaml")
        try """
        name: greet
        load:
          connections: 3
        steps:
          - repeat:
              times: 5
              steps:
                - send:
                    size: 64B
                - expect:
                    timeout: 2s
          - close
        """.write(to: file, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let run = try await WSProbeBinary.run(["run", file.path, "--quiet", "--url", server.url, "--out", out.path])
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardOutput.contains("engine: 3 unsolicited messages"))
        let report = try RunCommandTests.report(in: out)
        #expect(RunCommandTests.counter(report, "messages_received") == 15)
        #expect(RunCommandTests.counter(report, "messages_duplicated") == 0)
        #expect(RunCommandTests.counter(report, "payload_bytes_received") == 15 * 64)
    }
}
