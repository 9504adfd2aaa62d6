import Foundation
import TestSupport
import Testing

/// Issue 9 items 4 and 5: every command, given secrets in every place a user can put one, shows none of them in
/// any byte it writes (standard output, standard error, every file), unless `--show-secrets`.
@Suite("No secret in any output of any command", .serialized)
struct SecretRedactionCommandTests {
    @Test(
        "check against a URL: console, --json, --out and --junit hide every planted secret; --show-secrets shows them"
    )
    func checkWithURL() async throws {
        try await PlantedSecrets.withServeTarget { target in
            let folder = try PlantedSecrets.folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let url = PlantedSecrets.url(target)
            let base = ["check", url] + PlantedSecrets.headerArguments
            let console = try await WSProbeBinary.run(base)
            #expect(console.status == 0, "\(console.standardOutput)\(console.standardError)")
            #expect(PlantedSecrets.leaks(in: console) == [])
            #expect(console.standardOutput.contains("token=[redacted]&sig=[redacted]"))
            #expect(console.standardOutput.contains("> Authorization: [redacted]"))
            #expect(!console.standardOutput.contains("Sec-WebSocket-Key: [redacted]"), "a public nonce")
            let json = try await WSProbeBinary.run(base + ["--json"])
            #expect(PlantedSecrets.leaks(in: json) == [])
            let junit = folder.appendingPathComponent("junit.xml")
            let out = folder.appendingPathComponent("out")
            let files = try await WSProbeBinary.run(base + ["--out", out.path, "--junit", junit.path])
            #expect(files.status == 0)
            #expect(PlantedSecrets.fileTexts(under: out).count == 3)
            #expect(PlantedSecrets.leaks(in: files, files: [out, junit]) == [])

            let shown = try await WSProbeBinary.run(base + ["--show-secrets"])
            #expect(shown.status == 0)
            for place in ["url token", "url sig", "-H Authorization", "-H Cookie", "-H X-Api-Key"] {
                #expect(shown.standardOutput.contains(PlantedSecrets.all[place] ?? "?"), "\(place) not shown")
            }
        }
    }

    @Test("check of the built-in target: reports hide header secrets and name checks without the ephemeral port")
    func checkBuiltInTarget() async throws {
        let folder = try PlantedSecrets.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var names: [[String]] = []
        for run in 0..<2 {
            let out = folder.appendingPathComponent("run\(run)")
            let check = try await WSProbeBinary.run(["check", "--out", out.path] + PlantedSecrets.headerArguments)
            #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
            #expect(PlantedSecrets.leaks(in: check, files: [out]) == [])
            let junit = try String(contentsOf: out.appendingPathComponent("junit.xml"), encoding: .utf8)
            names.append(Self.testcaseNames(junit))
            #expect(Self.testcaseTimes(junit).contains { $0 != "0.000" }, "a phase test case has its real time")
        }
        #expect(names[0] == names[1], "test case names are stable from run to run")
        #expect(names[0].contains("upgrade: built-in echo target"))
        #expect(!names[0].contains { $0.contains("127.0.0.1") }, "no ephemeral port in \(names[0])")
    }

    @Test("errors hide secrets: a URL with userinfo, and an argument ArgumentParser refuses")
    func errorMessages() async throws {
        let password = PlantedSecrets.all["url password"] ?? ""
        let userInfo = try await WSProbeBinary.run(["check", "ws://alice:\(password)@127.0.0.1:1/"])
        #expect(userInfo.status == 2)
        #expect(userInfo.standardError.contains("alice:[redacted]@"), "\(userInfo.standardError)")
        #expect(PlantedSecrets.leaks(in: userInfo) == [])
        let url = PlantedSecrets.url("ws://127.0.0.1:1/")
        let extra = try await WSProbeBinary.run(["check", "ws://127.0.0.1:1/", url])
        #expect(extra.status != 0)
        #expect(extra.standardError.contains("token=[redacted]"), "\(extra.standardError)")
        #expect(PlantedSecrets.leaks(in: extra) == [])
        // A TLS key file's path may show, its contents never.
        let folder = try PlantedSecrets.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = folder.appendingPathComponent("client.key")
        let keyText =
            "-----BEGIN PRIVATE KEY-----\n\(PlantedSecrets.all["TLS key contents"] ?? "")\n-----END PRIVATE KEY-----\n"
        try keyText.write(to: key, atomically: true, encoding: .utf8)
        let tls = try await WSProbeBinary.run(["check", "wss://127.0.0.1:1/", "--cert", key.path, "--key", key.path])
        #expect(tls.status == 3, "\(tls.standardOutput)\(tls.standardError)")
        #expect(PlantedSecrets.leaks(in: tls) == [])
        let shown = try await WSProbeBinary.run(["check", "ws://alice:\(password)@127.0.0.1:1/", "--show-secrets"])
        #expect(shown.standardError.contains(password))
    }

    @Test("run, merge, report and compare: no file, console line or progress line shows a secret")
    func runMergeReport() async throws {
        try await PlantedSecrets.withServeTarget { target in
            let folder = try PlantedSecrets.folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let scenario = folder.appendingPathComponent("secrets.yaml")
            try PlantedSecrets.scenario(target: target, extra: "steps:\n  - send: hi\n  - expect: {timeout: 2s}")
                .write(to: scenario, atomically: true, encoding: .utf8)
            let out = folder.appendingPathComponent("run")
            let run = try await WSProbeBinary.run(
                ["run", scenario.path, "--out", out.path] + PlantedSecrets.setArguments
            )
            #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
            #expect(PlantedSecrets.fileTexts(under: out).count == 3, "report.json, html, junit.xml")
            #expect(PlantedSecrets.leaks(in: run, files: [out]) == [])

            // Shards written with --show-secrets carry the secrets; merge and report must not pass them on.
            var shards: [String] = []
            for shard in ["0/2", "1/2"] {
                let shardOut = folder.appendingPathComponent("shard\(shard.first ?? "x")")
                let shown = try await WSProbeBinary.run(
                    ["run", scenario.path, "--out", shardOut.path, "--shard", shard, "--show-secrets"]
                        + PlantedSecrets.setArguments
                )
                let texts = PlantedSecrets.fileTexts(under: shardOut).map(\.1).joined()
                #expect(texts.contains(PlantedSecrets.all["scenario url"] ?? "?"), "--show-secrets keeps them")
                #expect(shown.standardOutput.contains("shard"))
                shards.append(shardOut.appendingPathComponent("report.json").path)
            }
            let merged = folder.appendingPathComponent("merged")
            let merge = try await WSProbeBinary.run(
                ["merge"] + shards + ["-o", merged.appendingPathComponent("report.json").path, "--html", "--junit"]
                    + ["--console"]
            )
            #expect(PlantedSecrets.leaks(in: merge, files: [merged]) == [], "\(merge.standardError)")
            let rendered = folder.appendingPathComponent("rendered")
            let report = try await WSProbeBinary.run(
                ["report", shards[0], "--html", rendered.appendingPathComponent("r.html").path]
                    + ["--junit", rendered.appendingPathComponent("j.xml").path]
            )
            #expect(PlantedSecrets.fileTexts(under: rendered).count == 2, "\(report.standardError)")
            #expect(PlantedSecrets.leaks(in: report, files: [rendered]) == [])
            let compare = try await WSProbeBinary.run(["compare", shards[0], shards[1]])
            #expect(!compare.standardOutput.isEmpty, "\(compare.standardError)")
            #expect(PlantedSecrets.leaks(in: compare) == [])
        }
    }

    @Test("probe idle, probe deflate and probe rate hide every planted secret")
    func probes() async throws {
        try await PlantedSecrets.withServeTarget { target in
            let folder = try PlantedSecrets.folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let url = PlantedSecrets.url(target)
            let idle = try await WSProbeBinary.run(
                ["probe", "idle", url, "--max", "5s", "--modes", "none", "--parallel", "1"]
                    + PlantedSecrets.headerArguments,
                timeout: .seconds(60)
            )
            #expect(idle.status == 0, "\(idle.standardOutput)\(idle.standardError)")
            #expect(PlantedSecrets.leaks(in: idle) == [])
            let deflate = try await WSProbeBinary.run(["probe", "deflate", url] + PlantedSecrets.headerArguments)
            #expect(deflate.status == 0, "\(deflate.standardOutput)\(deflate.standardError)")
            #expect(PlantedSecrets.leaks(in: deflate) == [])
            let scenario = folder.appendingPathComponent("rate.yaml")
            let rateScenario = PlantedSecrets.scenario(
                target: target,
                extra: """
                    duration: 1s
                    load: {connections: 1, messages: {rate: 10/s, per: total}}
                    steps:
                      - repeat: {steps: [{send: {size: 16B}}, {expect: {timeout: 2s}}]}
                    thresholds:
                      - count(errors) == 0
                    """
            )
            try rateScenario.replacingOccurrences(of: "load:\n  connections: 1\n", with: "")
                .write(to: scenario, atomically: true, encoding: .utf8)
            let rate = try await WSProbeBinary.run(
                ["probe", "rate", scenario.path, "--step", "1s", "--from", "10/s", "--to", "20/s", "--max-steps", "2"]
                    + PlantedSecrets.setArguments,
                timeout: .seconds(60)
            )
            #expect(rate.status == 0, "\(rate.standardOutput)\(rate.standardError)")
            #expect(PlantedSecrets.leaks(in: rate) == [])
        }
    }

    @Test("validate on a failing scenario shows its diagnostics without the secrets in the quoted lines")
    func validateFailingFile() async throws {
        let folder = try PlantedSecrets.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("bad.yaml")
        // An http:// URL with userinfo (quoted by the message and the source line) and a header line that
        // holds a secret and an error (quoted by the source line).
        let password = PlantedSecrets.all["url password"] ?? ""
        let text = PlantedSecrets.scenario(target: "http://alice:\(password)@127.0.0.1:1/", extra: "")
            .replacingOccurrences(of: "X-Trace: visible}", with: "X-Trace: visible, X-List: [1, 2]}")
        try text.write(to: scenario, atomically: true, encoding: .utf8)
        let validate = try await WSProbeBinary.run(["validate", scenario.path] + PlantedSecrets.setArguments)
        #expect(validate.status == 2, "\(validate.standardOutput)\(validate.standardError)")
        let output = validate.standardOutput + validate.standardError
        #expect(output.contains("error[scenario.url]") && output.contains("error[scenario.type]"), "\(output)")
        #expect(output.contains("headers: {Authorization: \"[redacted]\", X-Trace: visible, X-List: [1, 2]}"))
        #expect(PlantedSecrets.leaks(in: validate) == [])
        let shown = try await WSProbeBinary.run(["validate", scenario.path, "--show-secrets"])
        #expect((shown.standardOutput + shown.standardError).contains(password))
        let invalidYAML = folder.appendingPathComponent("broken.yaml")
        try "name: x\ntarget:\n  headers: {Authorization: \(PlantedSecrets.all["scenario header"] ?? "")\n"
            .write(to: invalidYAML, atomically: true, encoding: .utf8)
        let broken = try await WSProbeBinary.run(["validate", invalidYAML.path])
        #expect(broken.status == 2)
        #expect(PlantedSecrets.leaks(in: broken) == [])
    }

    /// The `name` attributes of junit.xml's test cases.
    static func testcaseNames(_ xml: String) -> [String] {
        Self.attribute("name", ofTestcasesIn: xml)
    }

    /// The `time` attributes of junit.xml's test cases.
    static func testcaseTimes(_ xml: String) -> [String] {
        Self.attribute("time", ofTestcasesIn: xml)
    }

    private static func attribute(_ name: String, ofTestcasesIn xml: String) -> [String] {
        xml.components(separatedBy: "<testcase ").dropFirst().compactMap { element in
            guard let start = element.range(of: " \(name)=\"") ?? element.range(of: "\(name)=\"") else { return nil }
            return String(element[start.upperBound...].prefix { $0 != "\"" })
        }
    }
}
