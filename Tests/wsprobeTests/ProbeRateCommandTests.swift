import Foundation
import TestSupport
import Testing

/// `wsprobe probe rate` through the built binary: a short search against the built-in target, and bad input.
@Suite("wsprobe probe rate through the built binary")
struct ProbeRateCommandTests {
    static let scenario = """
        name: rate-cli
        load:
          connections: 2
          messages:
            rate: 1/s
        steps:
          - repeat:
              steps:
                - send:
                    size: 16B
                - expect:
                    timeout: 2s
        thresholds:
          - count(errors) == 0
        """

    /// Writes `text` to a fresh temporary file and returns its path.
    static func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wsprobe-rate-\(UUID().uuidString).yaml"
        )
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("a range that passes to its top: every step passes, the verdict says the limit is higher, exit 0")
    func passesToTheTop() async throws {
        let path = try Self.file(Self.scenario)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try await WSProbeBinary.run([
            "probe", "rate", path, "--from", "5/s", "--to", "10/s", "--step", "1s", "--json",
        ])
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        )
        #expect(json["kind"] as? String == "probe-rate")
        #expect(json["verdict"] as? String == "passed")
        let probe = try #require(json["probe"] as? [String: Any])
        let rate = try #require(probe["rate"] as? [String: Any])
        let steps = try #require(rate["steps"] as? [[String: Any]])
        #expect(steps.map { $0["rate"] as? Int } == [5, 10])
        #expect(steps.allSatisfy { $0["passed"] as? Bool == true })
        #expect(rate["highestPassingRate"] as? Int == 10)
        #expect((rate["conclusion"] as? String)?.contains("the limit is higher") == true)
    }

    @Test("a first step that fails ends with exit 1, names the failed thresholds and its warm-up")
    func firstStepFailsWithItsCause() async throws {
        let path = try Self.file(
            Self.scenario.replacingOccurrences(of: "count(errors) == 0", with: "count(messages_sent) < 2")
        )
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try await WSProbeBinary.run(["probe", "rate", path, "--from", "5/s", "--to", "10/s", "--step", "1s"])
        #expect(run.status == 1, "\(run.standardOutput)\(run.standardError)")
        #expect(
            run.standardOutput.contains("result: even 5/s failed the thresholds: count(messages_sent) < 2 (observed")
        )
        #expect(run.standardOutput.contains("s warm-up)"), "\(run.standardOutput)")
    }

    /// Weighted 1:1, 40 connections all land on one target with probability 2^-39.
    @Test("a scenario with target.embedded is searched through the ALB emulation, both targets serving")
    func throughTheEmulation() async throws {
        let path = try Self.file(
            """
            name: rate-alb
            target:
              embedded:
                targets:
                  - {id: a, weight: 1}
                  - {id: b, weight: 1}
            load:
              connections: 40
              messages:
                rate: 1/s
                per: total
            steps:
              - repeat:
                  steps:
                    - send: {size: 16B}
                    - expect: {timeout: 2s}
            thresholds:
              - count(errors) == 0
              - count(upgrade_ok{target="a"}) >= 1
              - count(upgrade_ok{target="b"}) >= 1
            """
        )
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try await WSProbeBinary.run(["probe", "rate", path, "--from", "20/s", "--to", "40/s", "--step", "1s"])
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardOutput.contains("result: 40/s passed, the top of the range"), "\(run.standardOutput)")
    }

    @Test(
        "bad input exits 2 with a specific message",
        arguments: [
            ("thresholds:\n  - count(errors) == 0", [String](), "rate.no-messages"),
            ("", [String](), "rate.no-thresholds"),
            ("", ["--from", "0/s"], "--from must be at least 1/s"),
            ("", ["--from", "10/s", "--to", "5/s"], "--to must not be below --from"),
            ("", ["--precision", "ten"], "--precision"),
        ]
    )
    func badInput(extra: String, arguments: [String], message: String) async throws {
        var text = extra.hasPrefix("thresholds") ? "name: plain\nsteps:\n  - close\n" + extra : Self.scenario
        if extra.isEmpty, message == "rate.no-thresholds" {
            text = text.replacingOccurrences(of: "thresholds:\n  - count(errors) == 0", with: "")
        }
        let path = try Self.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try await WSProbeBinary.run(["probe", "rate", path] + arguments)
        #expect(run.status == 2, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardError.contains(message), "\(run.standardError)")
    }
}
