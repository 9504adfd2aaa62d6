import Foundation
import TestSupport
import Testing

/// `wsprobe probe idle` against its built-in echo target (3 s idle close; only data resets its timer).
@Suite("wsprobe probe idle through the built binary")
struct ProbeIdleCommandTests {
    @Test("progress reaches standard error while the probe runs, and the advice names the untested modes")
    func progressAndUntestedModes() async throws {
        let run = try await WSProbeBinary.run(["probe", "idle", "--modes", "none,ping", "--parallel", "2"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(
            run.standardError.hasPrefix(
                "[0s] silent batch: opening 2 silent connections; waiting up to 120 s for the peer's idle close\n"
            ),
            "\(run.standardError)"
        )
        #expect(run.standardError.contains("silent batch done: 0 open, 2 closed by the peer, 0 failed"))
        #expect(run.standardError.contains("keep-alive batch: one connection per heartbeat mode (1)"))
        #expect(run.standardError.contains("keep-alive batch done: "))
        #expect(run.standardOutput.contains("pong and data were not tested"), "\(run.standardOutput)")
        #expect(!run.standardOutput.contains("No heartbeat kept the tunnel open"))
    }

    @Test("--quiet prints no progress")
    func quiet() async throws {
        let run = try await WSProbeBinary.run(["probe", "idle", "--modes", "none", "--parallel", "1", "--quiet"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.isEmpty, "\(run.standardError)")
        #expect(run.standardOutput.contains("idle cutoff:"))
    }
}
