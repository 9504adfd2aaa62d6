import Foundation
import TestSupport
import Testing

/// `wsprobe probe deflate` through the built binary: the built-in target, custom offers, bad input.
@Suite("wsprobe probe deflate through the built binary")
struct ProbeDeflateCommandTests {
    @Test("with no URL it probes the built-in echo target: every standard offer accepted, exit 0")
    func embeddedTarget() async throws {
        let run = try await WSProbeBinary.run(["probe", "deflate"])
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        let output = run.standardOutput
        #expect(output.contains(": PASS, 7 offers: 7 accepted, 0 declined"))
        #expect(output.contains("  ✓ permessage-deflate; server_max_window_bits=10\n"))
        #expect(output.contains("      accepted: permessage-deflate; server_max_window_bits=10\n"))
        #expect(output.contains("echo: 8192 B of payload as "))
    }

    @Test("--offer replaces the default set; --json is the result document: each row, one check per offer, the verdict")
    func customOffers() async throws {
        let run = try await WSProbeBinary.run([
            "probe", "deflate", "--offer", "server_no_context_takeover", "--offer", "client_max_window_bits=12",
            "--count", "1", "--size", "1KiB", "--json",
        ])
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        )
        #expect(json["kind"] as? String == "probe-deflate")
        #expect(json["verdict"] as? String == "passed")
        let checks = try #require(json["checks"] as? [[String: Any]])
        #expect(
            checks.map { $0["name"] as? String } == [
                "deflate: permessage-deflate; server_no_context_takeover",
                "deflate: permessage-deflate; client_max_window_bits=12",
            ]
        )
        let probe = try #require(json["probe"] as? [String: Any])
        let deflate = try #require(probe["deflate"] as? [String: Any])
        let rows = try #require(deflate["rows"] as? [[String: Any]])
        #expect(
            rows.map { $0["offer"] as? String } == [
                "permessage-deflate; server_no_context_takeover", "permessage-deflate; client_max_window_bits=12",
            ]
        )
        #expect(rows.allSatisfy { $0["answer"] as? String == "accepted" })
        let bytes = try #require(rows.first?["echoBytes"] as? [String: Any])
        #expect(bytes["payload"] as? Int == 1024)
    }

    @Test(
        "bad input exits 2 with a specific message",
        arguments: [
            (["--offer", "server_max_window_bits=99"], "server_max_window_bits"),
            (["--deflate"], "--offer, not --deflate"),
            (["--size", "lots"], "--size 'lots'"),
            (["--count", "0"], "--count must be from 1 to 100"),
        ]
    )
    func badInput(arguments: [String], message: String) async throws {
        let run = try await WSProbeBinary.run(["probe", "deflate"] + arguments)
        #expect(run.status == 2, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardError.contains(message), "\(run.standardError)")
    }
}
