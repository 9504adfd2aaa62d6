import Probes
import RunResults
import Testing

@Suite("Idle probe arithmetic and expectations")
struct IdleProbeAnalysisTests {
    @Test("the cutoff is the shortest idle time at closure; the spread is the longest")
    func cutoffIsFirstClosure() throws {
        let range = try #require(IdleProbeAnalysis.cutoff(idleSeconds: [2.04, 2.01, 2.3]))
        #expect(range.first == 2.01)
        #expect(range.last == 2.3)
        #expect(IdleProbeAnalysis.cutoff(idleSeconds: []) == nil)
    }

    @Test(
        "the safe heartbeat is half the cutoff rounded down to the resolution, always below the cutoff",
        arguments: [
            (50.0, 1.0, 25.0), (60.0, 1.0, 30.0), (3.0, 1.0, 1.0), (2.0, 1.0, 1.0), (1.5, 1.0, 0.75),
            (0.9, 1.0, 0.45), (51.0, 5.0, 25.0), (2.003, 0.5, 1.0),
        ]
    )
    func safeHeartbeat(cutoff: Double, resolution: Double, expected: Double) {
        let safe = IdleProbeAnalysis.safeHeartbeat(cutoff: cutoff, resolution: resolution)
        #expect(abs(safe - expected) < 1e-9)
        #expect(safe < cutoff)
        #expect(safe > 0)
    }

    @Test("keep-alive connections beat every third of the cutoff and are held half a cutoff past it")
    func keepAliveTiming() {
        #expect(abs(IdleProbeAnalysis.probeInterval(cutoff: 3) - 1) < 1e-12)
        #expect(IdleProbeAnalysis.keepAliveHold(cutoff: 2, resolution: 1) == 3)
        #expect(IdleProbeAnalysis.keepAliveHold(cutoff: 50, resolution: 1) == 75)
        #expect(IdleProbeAnalysis.keepAliveHold(cutoff: 1, resolution: 1) == 2)
        #expect(IdleProbeAnalysis.rounded(2.4, resolution: 1) == 2)
        #expect(IdleProbeAnalysis.rounded(52.6, resolution: 5) == 55)
    }

    @Test(
        "--expect-cutoff parses a value with an optional ± tolerance",
        arguments: [
            ("50s±5s", 50.0, 5.0), ("50s+-5s", 50.0, 5.0), ("1m +/- 2s", 60.0, 2.0), ("2s", 2.0, 1.0),
            ("500ms±100ms", 0.5, 0.1),
        ]
    )
    func parseExpectation(text: String, seconds: Double, tolerance: Double) throws {
        let expectation = try IdleProbeExpectation.parse(text, defaultToleranceSeconds: 1)
        #expect(abs(expectation.seconds - seconds) < 1e-9)
        #expect(abs(expectation.toleranceSeconds - tolerance) < 1e-9)
    }

    @Test("an expectation is met inside its tolerance only, and never without a cutoff")
    func expectationMet() {
        let expectation = IdleProbeExpectation(seconds: 50, toleranceSeconds: 5)
        #expect(expectation.isMet(by: 45))
        #expect(expectation.isMet(by: 55))
        #expect(!expectation.isMet(by: 44.9))
        #expect(!expectation.isMet(by: 60))
        #expect(!expectation.isMet(by: nil))
        #expect(throws: (any Error).self) { try IdleProbeExpectation.parse("soon", defaultToleranceSeconds: 1) }
        #expect(throws: (any Error).self) { try IdleProbeExpectation.parse("50s±x", defaultToleranceSeconds: 1) }
    }
}
