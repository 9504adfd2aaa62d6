import Foundation
import TestSupport
import Testing

/// Every probe's result is a `RunResult`: `--json` prints the report.json that `--out` writes, `--junit` has one
/// test case per check, and `wsprobe report` re-renders the text, the HTML and the JUnit of the probe's
/// report.json byte for byte.
@Suite("wsprobe probe --json, --out and --junit through the built binary")
struct ProbeReportCommandTests {
    /// A test case the JUnit file must have: its name and, when it failed, the failure's type.
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var failure: String?
        var description: String { "\(self.name) \(self.failure ?? "passed")" }
    }

    static let failingRateScenario = """
        name: rate-gate
        load:
          connections: 1
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
          - count(messages_sent) < 2
        """

    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("wsprobe-probe-\(UUID().uuidString)")
    }

    static func text(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    /// Runs the probe twice (text with `--out` and `--junit`, then `--json` with `--out`) and checks every view.
    static func verify(_ arguments: [String], kind: String, status: Int32, cases: [Case]) async throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("text")
        let junit = folder.appendingPathComponent("gate/junit.xml")
        let run = try await WSProbeBinary.run(arguments + ["--out", out.path, "--junit", junit.path])
        #expect(run.status == status, "\(run.standardOutput)\(run.standardError)")
        let report = out.appendingPathComponent("report.json")

        // The text the probe printed is the console view of its report.json.
        let rendered = try await WSProbeBinary.run(["report", report.path])
        #expect(rendered.status == 0, "\(rendered.standardError)")
        #expect(rendered.standardOutput == run.standardOutput)
        #expect(run.standardOutput.hasPrefix("wsprobe \(kind.replacingOccurrences(of: "-", with: " ")) "))

        // --junit and the folder's junit.xml are the same view; `report` renders the same JUnit and HTML again.
        let xml = try Self.text(junit)
        #expect(xml == (try Self.text(out.appendingPathComponent("junit.xml"))))
        let again = folder.appendingPathComponent("again")
        let rerender = try await WSProbeBinary.run([
            "report", report.path, "--junit", again.appendingPathComponent("junit.xml").path,
            "--html", again.appendingPathComponent("report.html").path,
        ])
        #expect(rerender.status == 0, "\(rerender.standardError)")
        #expect(try Self.text(again.appendingPathComponent("junit.xml")) == xml)
        let html = try Self.text(out.appendingPathComponent("report.html"))
        #expect(try Self.text(again.appendingPathComponent("report.html")) == html)
        #expect(html.contains("<section class=\"probe\">"))

        // One test case per check (and the `run` error case of a result that measured nothing).
        #expect(xml.components(separatedBy: "<testcase ").count - 1 == cases.count, "\(xml)")
        for expected in cases {
            let head = "<testcase name=\"\(expected.name)\" classname="
            #expect(xml.contains(head), "\(expected) in \(xml)")
            let line = xml.components(separatedBy: "\n").first { $0.contains(head) } ?? ""
            if let failure = expected.failure {
                #expect(line.contains("type=\"\(failure)\""), "\(expected): \(line)")
            } else {
                #expect(line.hasSuffix("/>"), "\(expected): \(line)")
            }
        }

        // --json prints exactly the report.json --out writes.
        let jsonOut = folder.appendingPathComponent("json")
        let json = try await WSProbeBinary.run(arguments + ["--json", "--out", jsonOut.path])
        #expect(json.status == status, "\(json.standardOutput)\(json.standardError)")
        #expect(json.standardOutput == (try Self.text(jsonOut.appendingPathComponent("report.json"))))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        )
        #expect(object["kind"] as? String == kind)
        #expect((object["checks"] as? [Any])?.count == cases.filter { $0.name != "run" }.count)
    }

    @Test("probe idle: an unmet --expect-cutoff is the one failed test case, exit 1")
    func idle() async throws {
        try await Self.verify(
            ["probe", "idle", "--modes", "none", "--parallel", "1", "--quiet", "--expect-cutoff", "60s±1s"],
            kind: "probe-idle",
            status: 1,
            cases: [Case(name: "idle.expectation", failure: "idle.expectation")]
        )
    }

    @Test("probe deflate: one passing test case per offer, exit 0")
    func deflate() async throws {
        try await Self.verify(
            [
                "probe", "deflate", "--offer", "server_no_context_takeover", "--offer", "client_max_window_bits",
                "--count", "1", "--size", "64",
            ],
            kind: "probe-deflate",
            status: 0,
            cases: [
                Case(name: "deflate: permessage-deflate; server_no_context_takeover"),
                Case(name: "deflate: permessage-deflate; client_max_window_bits"),
            ]
        )
    }

    @Test("probe deflate where nothing listens: the offer fails in tcp and the run errors, exit 4")
    func deflateNothingMeasured() async throws {
        try await Self.verify(
            ["probe", "deflate", "ws://127.0.0.1:1/", "--offer", "server_no_context_takeover"],
            kind: "probe-deflate",
            status: 4,
            cases: [
                Case(name: "deflate: permessage-deflate; server_no_context_takeover", failure: "tcp.refused"),
                Case(name: "run", failure: "run.error"),
            ]
        )
    }

    @Test("probe rate: when even --from fails, rate.highest-passing is the failed test case, exit 1")
    func rate() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wsprobe-rate-\(UUID().uuidString).yaml"
        )
        try Self.failingRateScenario.write(to: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: path) }
        try await Self.verify(
            ["probe", "rate", path.path, "--from", "5/s", "--to", "10/s", "--step", "1s"],
            kind: "probe-rate",
            status: 1,
            cases: [Case(name: "rate.highest-passing", failure: "rate.none-passed")]
        )
    }
}
