import Foundation
import TestSupport
import Testing

/// Scenarios that describe embedded ALB targets are refused clearly until wsprobe can emulate them.
@Suite("wsprobe run with embedded ALB targets")
struct RunEmbeddedALBTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenarios")

    @Test("a scenario with target.embedded and no URL exits 3 with a stable code and the way out")
    func embeddedALBIsRefused() async throws {
        let path = Self.scenarios.appendingPathComponent("alb-routing.yaml").path
        let run = try await WSProbeBinary.run(["run", path, "--quiet"])
        #expect(run.status == 3, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardError.contains("error[embedded.alb-unsupported]"))
        #expect(run.standardError.contains("--url"))
    }
}
