import Foundation
import TestSupport
import Testing

/// The files `wsprobe check --out` writes carry what the check saw: the connect time and the target's identity.
@Suite("wsprobe check report contents")
struct CheckReportTests {
    @Test("a passed check's report has a connect time and the identity from the 101, and the HTML shows both")
    func connectAndIdentity() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsprobe-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try await WSProbeBinary.run(["check", "--out", folder.path, "--brief"])
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("report.json")))
                as? [String: Any]
        )
        let metrics = try #require(report["metrics"] as? [String: Any])
        let identities = try #require(metrics["targetIdentities"] as? [String: Int], "\(metrics.keys.sorted())")
        #expect(identities == ["embedded": 1], "\(identities)")
        let histograms = try #require(metrics["histograms"] as? [String: Any])
        let connect = try #require(histograms["connect_total"] as? [String: Any], "\(histograms.keys.sorted())")
        #expect((connect["totalCount"] as? Int) == 1, "\(connect)")
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(!html.contains("No target reported an identity"))
        #expect(!html.contains("no connection completed"), "Connect p99 has a value")
    }
}
