import Foundation
import TestSupport
import Testing

/// `wsprobe run` of the `scenarios/alb-*.yaml` files with no URL: against the embedded ALB emulation, through
/// the built binary, shortened with `--set`/`--duration`, checking exit statuses and report.json.
@Suite("wsprobe run with embedded ALB targets", .serialized)
struct RunEmbeddedALBTests {
    static func checks(_ report: [String: Any]) -> [String: [String: Any]] {
        let list = report["checks"] as? [[String: Any]] ?? []
        return Dictionary(list.compactMap { check in (check["name"] as? String).map { ($0, check) } }) { a, _ in a }
    }

    static func thresholds(_ report: [String: Any]) -> [String: Bool] {
        let list = report["thresholds"] as? [[String: Any]] ?? []
        return Dictionary(
            list.compactMap { item in
                guard let expression = item["expression"] as? String, let passed = item["passed"] as? Bool else {
                    return nil
                }
                return (expression, passed)
            }
        ) { a, _ in a }
    }

    static func errors(_ report: [String: Any]) -> [String: Int] {
        let metrics = report["metrics"] as? [String: Any]
        let errors = metrics?["errors"] as? [String: Any] ?? [:]
        return errors.compactMapValues { ($0 as? NSNumber)?.intValue }
    }

    static func identities(_ report: [String: Any]) -> [String: Int] {
        let metrics = report["metrics"] as? [String: Any]
        let identities = metrics?["targetIdentities"] as? [String: Any] ?? [:]
        return identities.compactMapValues { ($0 as? NSNumber)?.intValue }
    }

    static func run(_ name: String, _ extra: [String], timeout: Duration = .seconds(90)) async throws -> (
        WSProbeBinary.Run, [String: Any]
    ) {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try await WSProbeBinary.run(
            ["run", RunCommandTests.scenarioPath(name), "--quiet", "--out", folder.path] + extra,
            timeout: timeout
        )
        let report = try RunCommandTests.report(in: folder)
        return (run, report)
    }

    @Test("alb-routing runs its matrix against the emulation: every executable row routes as expected")
    func routing() async throws {
        let (run, report) = try await Self.run("alb-routing", [])
        let output = "\(run.standardOutput)\(run.standardError)"
        let checks = Self.checks(report)
        for row in [
            "chat host goes to a", "api path goes to b", "beta header goes to c", "admin is blocked",
            "old path redirects",
        ] {
            #expect(
                checks["route \(row)"]?["passed"] as? Bool == true,
                "\(row): \(checks["route \(row)"] ?? [:])\n\(output)"
            )
        }
        #expect(checks["route chat host goes to a"]?["observed"] as? String == "101 from a")
        // The row sends `Upgrade: WebSocket` exactly as written; the emulated rule has no Upgrade condition, so it
        // routes like `websocket` (RFC 6455 §4.2.1: the value is case-insensitive).
        let mixed = try #require(checks["route mixed-case Upgrade header still routes"])
        #expect(mixed["passed"] as? Bool == true, "\(mixed)")
        #expect(
            Self.thresholds(report)["count(errors{code!=\"route.*\"}) == 0"] == true,
            "\(report["thresholds"] ?? "")"
        )
        #expect(run.status == 0, "\(output)")
        #expect(!output.contains("embedded.alb-unsupported"))
    }

    @Test("alb-weights spreads connections 3:2:1 over the emulation and the chi-square check passes")
    func weights() async throws {
        // α = 1e-6 instead of 0.01 so a correct spread fails once in a million runs, not once in a hundred.
        let (run, report) = try await Self.run(
            "alb-weights",
            [
                "--set", "weights.significance=0.000001", "--set", "weights.connections=300",
                "--set", "load.connections=60", "--set", "load.rampUp=1s",
            ]
        )
        let output = "\(run.standardOutput)\(run.standardError)"
        let weights = Self.checks(report).first { $0.key.hasPrefix("weights") }?.value
        #expect(weights?["passed"] as? Bool == true, "\(weights ?? [:])\n\(output)")
        let identities = Self.identities(report)
        #expect(Set(identities.keys) == ["a", "b", "c"], "\(identities)")
        #expect((identities["a"] ?? 0) > (identities["c"] ?? 0), "\(identities)")
        #expect(run.status == 0, "\(output)")
    }

    @Test("alb-idle: tunnels pinged every second survive the emulated 3 s idle timeout")
    func idleSurvives() async throws {
        let (run, report) = try await Self.run(
            "alb-idle",
            ["--set", "load.connections=10", "--set", "load.hold=6s", "--set", "steps[1].repeat.for=5s"]
        )
        let output = "\(run.standardOutput)\(run.standardError)"
        #expect(Self.errors(report)["close.1006"] == nil, "\(Self.errors(report))\n\(output)")
        #expect(Self.thresholds(report)["count(errors{code=\"close.1006\"}) == 0"] == true)
        let failed = Self.thresholds(report).filter { !$0.value }.map(\.key)
        #expect(failed.allSatisfy(RunCommandTests.isTimingThreshold), "\(failed)")
        #expect(run.status == (failed.isEmpty ? 0 : 1), "\(output)")
    }

    @Test("alb-idle with pings 4 s apart: the emulation cuts the silent tunnels (1006) and the run fails")
    func idleCuts() async throws {
        let (run, report) = try await Self.run(
            "alb-idle",
            [
                "--set", "load.connections=5", "--set", "load.hold=6s", "--set", "steps[1].repeat.for=5s",
                "--set", "steps[1].repeat.steps[0].sleep=4s",
            ]
        )
        let output = "\(run.standardOutput)\(run.standardError)"
        #expect((Self.errors(report)["close.1006"] ?? 0) >= 5, "\(Self.errors(report))\n\(output)")
        #expect(Self.thresholds(report)["count(errors{code=\"close.1006\"}) == 0"] == false)
        #expect(run.status == 1, "\(output)")
    }

    /// alb-drain.yaml in 8 s: 30 connections, a drained at 3 s and started again at 6 s.
    static let shortDrain = [
        "--duration", "8s", "--set", "load.connections=30", "--set", "load.rampUp=1s",
        "--set", "target.embedded.events[0].at=3s", "--set", "target.embedded.events[1].at=6s",
    ]

    @Test(
        "alb-drain: a is drained and started again on time, its clients get every answer, 1001 and reconnect",
        arguments: 1...3
    )
    func drain(attempt: Int) async throws {
        let (run, report) = try await Self.run("alb-drain", Self.shortDrain)
        let output = "\(run.standardOutput)\(run.standardError)"
        let drained = try #require(Self.eventTime(run.standardOutput, "drain a"), "\(output)")
        let started = try #require(Self.eventTime(run.standardOutput, "start a"), "\(output)")
        // Never early; late only by scheduling delay (structural bound: well before the next event).
        #expect(drained >= 3 && drained < 5.5, "\(output)")
        #expect(started >= 6 && started < 8, "\(output)")
        let closes = Self.errors(report)["close.1001"] ?? 0
        #expect(closes >= 1, "\(Self.errors(report))\n\(output)")
        #expect(report["interrupted"] as? Bool == false)
        // A drained target answers what it has read and sends its 1001 right after an answer, so a client
        // that waits for each echo has nothing in flight when the close arrives: nothing is lost.
        let thresholds = Self.thresholds(report)
        #expect(thresholds["count(errors{code=\"close.1001\", target=\"a\"}) >= 1"] == true, "\(thresholds)")
        #expect(RunCommandTests.counter(report, "messages_lost") == 0, "attempt \(attempt)\n\(output)")
        #expect(thresholds["count(messages_lost) == 0"] == true, "\(thresholds)")
        #expect(output.contains("Reconnects"), "the console has a drain section\n\(output)")
        let failed = thresholds.filter { !$0.value }.map(\.key)
        #expect(failed.allSatisfy(RunCommandTests.isTimingThreshold), "\(failed)")
        #expect(run.status == (failed.isEmpty ? 0 : 1), "\(output)")
    }

    @Test("tls.yaml: the embedded listener serves TLS 1.3 with a throwaway CA the run verifies, for its server name")
    func tls() async throws {
        let before = try Self.tlsFolders()
        let (run, report) = try await Self.run("tls", ["--set", "load.hold=1s", "--set", "load.connections=4"])
        let output = "\(run.standardOutput)\(run.standardError)"
        #expect(run.status == 0, "\(output)")
        let upgrade = report["upgrade"] as? [String: Any]
        let tls = try #require(upgrade?["tls"] as? [String: Any], "\(report.keys.sorted())")
        #expect(tls["version"] as? String == "TLSv1.3")
        #expect(tls["verificationSkipped"] as? Bool == false)
        let chain = tls["peerChain"] as? [[String: Any]] ?? []
        #expect(chain.first?["subject"] as? String == "CN=ws.example.test,O=wsprobe")
        #expect(chain.first?["issuer"] as? String == "CN=wsprobe ephemeral CA,O=wsprobe")
        #expect(Self.thresholds(report)["count(errors{code=\"tls.*\"}) == 0"] == true)
        // The CA exists only for the run: its folder is gone afterwards.
        #expect(try Self.tlsFolders().subtracting(before).isEmpty)
    }

    /// The embedded TLS targets' certificate folders in the temporary directory.
    static func tlsFolders() throws -> Set<String> {
        Set(
            try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter {
                $0.hasPrefix("wsprobe-tls-")
            }
        )
    }

    /// The time printed for `event: <action> <target> at 3.001s …`.
    static func eventTime(_ output: String, _ event: String) -> Double? {
        let line = output.split(separator: "\n").first { $0.hasPrefix("event: \(event) at ") }
        let text = line?.dropFirst("event: \(event) at ".count).prefix { $0 != "s" }
        return text.flatMap { Double($0) }
    }
}
