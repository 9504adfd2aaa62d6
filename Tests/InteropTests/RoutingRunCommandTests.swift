import Foundation
import TestSupport
import Testing

/// `wsprobe run` with `routes` and `weights` end to end: the built binary against HAProxy, exit status and
/// report.json checks.
@Suite("wsprobe run with a routing matrix through HAProxy", .serialized)
struct RoutingRunCommandTests {
    static let scenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/examples/alb-routing-haproxy.yaml").path

    static func run(
        _ bed: ALBTestBed,
        html: Bool = false
    ) async throws -> (status: Int32, output: String, checks: [[String: Any]], report: [String: Any], html: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wsprobe-routes-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try #require(bed.proxy.url("/weighted"))
        let run = try await WSProbeBinary.run(
            ["run", Self.scenario, "--url", url, "--quiet", "--out", folder.path],
            timeout: .seconds(60)
        )
        let data = try Data(contentsOf: folder.appendingPathComponent("report.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let checks = try #require(report["checks"] as? [[String: Any]])
        var page = ""
        if html {
            // `wsprobe report FILE.json --html` re-renders the page from report.json alone.
            let path = folder.appendingPathComponent("again.html").path
            let rendered = try await WSProbeBinary.run(
                ["report", folder.appendingPathComponent("report.json").path, "--html", path],
                timeout: .seconds(30)
            )
            #expect(rendered.status == 0, "\(rendered.standardError)")
            page = try String(contentsOfFile: path, encoding: .utf8)
        }
        return (run.status, run.standardOutput + run.standardError, checks, report, page)
    }

    @Test("the example matrix passes through HAProxy: exit 0, one check per row and the weight check")
    func passes() async throws {
        let bed = try await ALBTestBed.start(.haproxy, tls: false)
        defer { bed.stop() }
        let result = try await Self.run(bed, html: true)
        #expect(result.status == 0, "\(result.output)")
        let names = result.checks.compactMap { $0["name"] as? String }
        #expect(names.filter { $0.hasPrefix("route ") }.count == 9)
        #expect(names.contains("weights"))
        for check in result.checks { #expect(check["passed"] as? Bool == true, "\(check)") }
        let post = result.checks.first { $0["name"] as? String == "route POST upgrade is refused with 405" }
        #expect(post?["observed"] as? String == "405")
        let weights = try #require(result.report["weightCheck"] as? [String: Any])
        #expect(weights["degreesOfFreedom"] as? Int == 1)
        #expect((weights["shares"] as? [[String: Any]])?.compactMap { $0["target"] as? String } == ["A", "B"])
        #expect(result.html.contains("<svg id=\"chart-weights\""))
    }

    @Test("a misrouting proxy makes the run exit 1 and the failed check name its row")
    func misrouteExits1() async throws {
        let bed = try await ALBTestBed.start(.haproxy, tls: false) { configuration in
            configuration.rules = configuration.rules.map { rule in
                guard case .header = rule.condition else { return rule }
                return ALBRule(rule.condition, .forward(group: "b"))
            }
        }
        defer { bed.stop() }
        let result = try await Self.run(bed)
        #expect(result.status == 1, "\(result.output)")
        let failed = result.checks.filter { $0["passed"] as? Bool == false }
        #expect(failed.compactMap { $0["name"] as? String } == ["route header X-Route c goes to C"])
        #expect(failed.first?["expected"] as? String == "101 from C")
        #expect(failed.first?["observed"] as? String == "101 from B")
    }
}
