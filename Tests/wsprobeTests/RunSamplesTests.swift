import Foundation
import TestSupport
import Testing

/// `wsprobe run` keeps the first samples of each error code (status, headers, body of failed upgrades) and the
/// first upgrade's request and 101 response in report.json, which still validates against the schema.
@Suite("wsprobe run error samples and upgrade details", .serialized)
struct RunSamplesTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wsprobe-samples-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A scenario of `connections` connections that each send one message and close.
    static func scenario(in folder: URL, connections: Int, status: Int = 101) throws -> String {
        let file = folder.appendingPathComponent("samples.yaml")
        let yaml = """
            name: samples
            expect:
              status: \(status)
            target:
              timeouts:
                connect: 3s
                upgrade: 3s
            duration: 3s
            load:
              connections: \(connections)
            steps:
              - send: "hello {{seq}}"
              - expect:
                  timeout: 2s
              - close:
                  code: 1000
            """
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    static func report(in folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("report.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Validates `report.json` in `folder` with Python's jsonschema against docs/report.schema.json.
    static func validate(_ folder: URL) throws -> (status: Int32, output: String) {
        let script = """
            import json, sys
            import jsonschema
            schema = json.load(open(sys.argv[1]))
            validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
            bad = 0
            for error in validator.iter_errors(json.load(open(sys.argv[2]))):
                bad += 1
                print(error.json_path, error.message[:300])
            sys.exit(1 if bad else 0)
            """
        let run = try ChildProcess.runBlocking(
            "/usr/bin/env",
            [
                "python3", "-c", script, repository.appendingPathComponent("docs/report.schema.json").path,
                folder.appendingPathComponent("report.json").path,
            ],
            mergeError: true
        )
        return (run.status, run.outputText)
    }

    @Test(
        "50 upgrades answered with a non-101 status keep at most 5 samples of their code, each with the status, headers and body",
        arguments: [(HostileRoute.badGateway, 502), (.health, 200), (.unavailable, 503)]
    )
    func failedUpgrades(route: HostileRoute, status: Int) async throws {
        let server = try await HostileServer.start()
        defer { server.stop() }
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try await WSProbeBinary.run(
            [
                "run", try Self.scenario(in: folder, connections: 50), "--url", server.url(route), "--out", folder.path,
                "--quiet",
            ],
            timeout: .seconds(60)
        )
        let report = try Self.report(in: folder)
        let samples = try #require(report["errorSamples"] as? [String: [[String: Any]]], "\(run.standardError)")
        let codes = samples.keys.filter { $0.hasPrefix("handshake.status.") }
        #expect(codes.count == 1, "codes: \(samples.keys.sorted())")
        let kept = try #require(codes.first.flatMap { samples[$0] }, "codes: \(samples.keys.sorted())")
        #expect(kept.count == 5)
        for sample in kept {
            #expect(sample["status"] as? Int == status)
            #expect(sample["phase"] as? String == "upgrade")
            let headers = try #require(sample["headers"] as? [[String: Any]])
            #expect(!headers.isEmpty)
            let body = try #require(sample["bodyExcerpt"] as? String)
            #expect(!body.isEmpty)
        }
        let metrics = try #require(report["metrics"] as? [String: Any])
        let counters = try #require(metrics["counters"] as? [String: Any])
        #expect((counters["upgrades_failed"] as? NSNumber)?.intValue == 50)
        #expect(report["upgrade"] == nil)
        let validation = try Self.validate(folder)
        #expect(validation.status == 0, "schema violations:\n\(validation.output)")
    }

    @Test("a run against the embedded target keeps the upgrade request and 101 response heads in report.json")
    func upgradeDetails() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try await WSProbeBinary.run(
            ["run", try Self.scenario(in: folder, connections: 3), "--out", folder.path, "--quiet"],
            timeout: .seconds(60)
        )
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        let report = try Self.report(in: folder)
        let upgrade = try #require(report["upgrade"] as? [String: Any])
        let request = try #require(upgrade["request"] as? [String: Any])
        let response = try #require(upgrade["response"] as? [String: Any])
        #expect((request["startLine"] as? String)?.hasPrefix("GET ") == true)
        #expect((response["startLine"] as? String)?.hasPrefix("HTTP/1.1 101") == true)
        let requestNames = (request["headers"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        let responseNames = (response["headers"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(requestNames.contains { $0.lowercased() == "sec-websocket-key" })
        #expect(responseNames.contains { $0.lowercased() == "sec-websocket-accept" })
        #expect((report["errorSamples"] as? [String: Any])?.isEmpty ?? true)
        let validation = try Self.validate(folder)
        #expect(validation.status == 0, "schema violations:\n\(validation.output)")
    }

    @Test(
        "a scenario expecting 503 passes when every upgrade is answered 503, and fails on any other answer",
        arguments: [(HostileRoute.unavailable, true), (.badGateway, false)]
    )
    func expectedStatus(route: HostileRoute, passes: Bool) async throws {
        let server = try await HostileServer.start()
        defer { server.stop() }
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try await WSProbeBinary.run(
            [
                "run", try Self.scenario(in: folder, connections: 10, status: 503), "--url", server.url(route),
                "--out", folder.path, "--quiet",
            ],
            timeout: .seconds(60)
        )
        #expect(run.status == (passes ? 0 : 1), "\(run.standardOutput)\(run.standardError)")
        let report = try Self.report(in: folder)
        #expect(report["verdict"] as? String == (passes ? "passed" : "failed"))
        let checks = try #require(report["checks"] as? [[String: Any]])
        let check = try #require(checks.first { $0["name"] as? String == "expect.status 503" })
        #expect(check["passed"] as? Bool == passes)
        let samples = report["errorSamples"] as? [String: Any] ?? [:]
        #expect(samples.isEmpty == passes, "\(samples.keys.sorted())")
        let validation = try Self.validate(folder)
        #expect(validation.status == 0, "schema violations:\n\(validation.output)")
    }
}
