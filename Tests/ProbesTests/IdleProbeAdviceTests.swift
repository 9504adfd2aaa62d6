import RunResults
import Scenario
import Testing

@testable import Probes

/// The idle probe's advice comes only from the heartbeat modes that were tested, and names the others; its
/// progress is printed the way `run` prints its own.
@Suite("Idle probe advice and progress")
struct IdleProbeAdviceTests {
    static func result(cutoff: Double?, keepAlive: [(IdleProbeMode, Bool?)]) -> IdleProbeDetails {
        var result = IdleProbeDetails(
            url: "ws://127.0.0.1:1/",
            target: nil,
            maximumSeconds: 120,
            resolutionSeconds: 1,
            parallel: 8,
            silentClosed: cutoff == nil ? 0 : 8,
            cutoffSeconds: cutoff,
            latestCloseSeconds: cutoff,
            closure: nil,
            keepAlive: keepAlive.map {
                IdleProbeKeepAlive(mode: $0.0, intervalSeconds: 20, holdSeconds: 90, keptOpen: $0.1)
            },
            safeHeartbeatSeconds: nil,
            advice: "",
            failures: [],
            expectation: nil,
            expectationMet: nil,
            durationSeconds: 150
        )
        result.advise()
        return result
    }

    @Test("with only ping tested and failing, the advice names pong and data as untested, not a connection age")
    func untestedModesAreNamed() {
        let result = Self.result(cutoff: 60, keepAlive: [(.ping, false)])
        #expect(result.testedModes == [.ping])
        #expect(result.untestedModes == [.pong, .data])
        #expect(result.safeHeartbeatSeconds == nil)
        #expect(!result.advice.contains("regardless of traffic (a maximum connection age"), "\(result.advice)")
        #expect(
            result.advice
                == "No tested heartbeat (ping) kept the tunnel open past 60 s; pong and data were not tested: probe"
                + " with --modes none,ping,pong,data before concluding that the path closes connections regardless"
                + " of traffic."
        )
    }

    @Test("a connection that never opened leaves its mode untested")
    func unopenedIsUntested() {
        let result = Self.result(cutoff: 60, keepAlive: [(.ping, false), (.pong, false), (.data, nil)])
        #expect(result.untestedModes == [.data])
        #expect(result.advice.contains("data was not tested"), "\(result.advice)")
    }

    @Test("only when every heartbeat was tested and none kept the tunnel open does the advice blame the path")
    func allTestedNoneKept() {
        let result = Self.result(cutoff: 60, keepAlive: [(.ping, false), (.pong, false), (.data, false)])
        #expect(result.untestedModes.isEmpty)
        #expect(result.advice.hasPrefix("No heartbeat kept the tunnel open past 60 s: the path closes connections"))
    }

    @Test("a keeping mode gives the interval; failing modes are named as failing, untested ones as untested")
    func keepingAndUntested() {
        let result = Self.result(cutoff: 60, keepAlive: [(.ping, false), (.data, true)])
        #expect(result.safeHeartbeatSeconds == 30)
        #expect(result.advice.hasPrefix("Send a data heartbeat at most every 30 s"))
        #expect(result.advice.hasSuffix(" ping frames do not reset this path's timer. pong not tested."))
        let none = Self.result(cutoff: 60, keepAlive: [])
        #expect(none.advice.contains("no heartbeat mode was tested"))
    }

    static func progress(_ moment: IdleProbeProgress.Moment, at seconds: Double) -> IdleProbeProgress {
        IdleProbeProgress(
            phase: .silent,
            moment: moment,
            elapsedSeconds: seconds,
            holdSeconds: 120,
            connections: 8,
            open: 8
        )
    }

    @Test("in logs a line every 5 s plus each batch start and end; quiet prints nothing; a terminal redraws")
    func printerModes() {
        let events =
            [Self.progress(.started, at: 0)] + (1...12).map { Self.progress(.running, at: Double($0) + 0.01) }
            + [Self.progress(.ended, at: 12.5)]
        var lines = IdleProbeProgressPrinter(mode: .lines(everySeconds: 5))
        let printed = events.compactMap { lines.text(for: $0) }
        #expect(
            printed == [
                "[0s] silent batch: opening 8 silent connections; waiting up to 120 s for the peer's idle close\n",
                "[5s] silent batch: 8 open, 0 closed by the peer, 0 failed (holding up to 120 s)\n",
                "[10s] silent batch: 8 open, 0 closed by the peer, 0 failed (holding up to 120 s)\n",
                "[12s] silent batch done: 8 open, 0 closed by the peer, 0 failed\n",
            ]
        )
        var quiet = IdleProbeProgressPrinter(mode: .quiet)
        #expect(events.compactMap { quiet.text(for: $0) }.isEmpty)
        var terminal = IdleProbeProgressPrinter(mode: .terminal)
        let drawn = events.compactMap { terminal.text(for: $0) }
        #expect(drawn.count == events.count)
        #expect(drawn[1].hasPrefix("\r\u{1B}[K[1s] silent batch: 8 open"))
        #expect(drawn.last?.hasPrefix("\r\u{1B}[K[12s] silent batch done") == true)
    }
}
