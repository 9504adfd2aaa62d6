import RunResults
import Scenario
import Testing
import WSProtocol
import WSTransport

@testable import LoadRunner

@Suite("Rate search")
struct RateSearchTests {
    /// Runs the search against a verdict function and returns the rates tried.
    static func trace(_ search: inout RateSearch, passes: (Int) -> Bool) -> [Int] {
        var rates: [Int] = []
        while let rate = search.nextRate {
            rates.append(rate)
            search.record(rate: rate, passed: passes(rate))
        }
        return rates
    }

    @Test("doubles until a step fails, then bisects until pass and fail are within the precision")
    func bracketsThenBisects() {
        var search = RateSearch(from: 50, to: 1_000_000, precision: 0.1, maxSteps: 20)
        let rates = Self.trace(&search) { $0 < 300 }
        #expect(rates == [50, 100, 200, 400, 300, 250, 275])
        #expect(search.highestPass == 275)
        #expect(search.lowestFail == 300)
        #expect(search.conclusion == "highest passing rate 275/s (300/s failed)")
    }

    @Test("a range that passes to its top says the limit is higher")
    func cappedAtTheTop() {
        var search = RateSearch(from: 100, to: 1_000, precision: 0.1, maxSteps: 20)
        #expect(Self.trace(&search) { _ in true } == [100, 200, 400, 800, 1_000])
        #expect(search.conclusion == "1000/s passed, the top of the range (--to); the limit is higher")
    }

    @Test("a first step that fails ends the search without a passing rate")
    func firstStepFails() {
        var search = RateSearch(from: 100, to: 1_000, precision: 0.1, maxSteps: 20)
        #expect(Self.trace(&search) { _ in false } == [100])
        #expect(search.highestPass == nil)
        #expect(search.conclusion == "even 100/s failed the thresholds")
    }

    @Test("the step limit ends the search and says so; adjacent rates end it too")
    func limits() {
        var short = RateSearch(from: 1, to: 1_000_000, precision: 0.001, maxSteps: 3)
        #expect(Self.trace(&short) { $0 < 1_000 } == [1, 2, 4])
        #expect(short.conclusion == "4/s passed; the step limit ended the search")
        var tight = RateSearch(from: 1, to: 100, precision: 0.0001, maxSteps: 50)
        let rates = Self.trace(&tight) { $0 <= 5 }
        #expect(tight.highestPass == 5 && tight.lowestFail == 6)
        #expect(rates.count < 10)
        #expect(tight.conclusion == "highest passing rate 5/s (6/s failed)")
    }
}

/// Real sockets and real time: scripts/test.sh runs this suite in its timing phase, after the parallel bulk.
@Suite("Rate search against the embedded echo server")
struct RateSearchRunTests {
    @Test("each step runs the scenario at its rate; a count threshold puts the boundary near 300/s")
    func searchesWithTheEngine() async throws {
        let scenario = try EngineSupport.scenario(
            """
            name: search
            load:
              connections: 4
              messages:
                rate: 1/s
                per: total
            steps:
              - repeat:
                  steps:
                    - send:
                        size: 32B
                    - expect:
                        timeout: 2s
            thresholds:
              - count(messages_sent) < 300
            """
        )
        let server = try await EngineSupport.startEcho()
        defer { _ = server.stop() }
        var seen: [Int] = []
        let result = try await RateSearchRun.run(
            scenario: scenario,
            url: try WebSocketURL("ws://127.0.0.1:\(server.port)/"),
            search: RateSearch(from: 50, to: 10_000, precision: 0.2, maxSteps: 8),
            stepDuration: .seconds(1),
            stop: StopSignal(),
            on: EngineSupport.group
        ) { seen.append($0.rate) }
        #expect(seen == result.steps.map(\.rate))
        // 50, 100 and 200 messages in one second pass; 400 do not.
        #expect(Array(result.steps.prefix(4).map(\.passed)) == [true, true, true, false])
        let first = try #require(result.steps.first)
        // About 50 in the measured second: the window ends on time, but a send due just before it opens may be
        // made just after; a loop stalled at the very end may send fewer.
        #expect((45...51).contains(first.sent))
        // An echo in flight when the window opens is received in it but was sent before it.
        #expect((first.sent...first.sent + 1).contains(first.received) && first.lost == 0, "\(first)")
        #expect(first.p99Microseconds != nil)
        #expect(result.steps[3].failedThresholds.first?.hasPrefix("count(messages_sent) < 300 (observed") == true)
        let highest = try #require(result.highestPassingRate)
        // 300/s sends 300, unless a stall at the very end of the step cut the last few: then it passes too.
        #expect((200..<400).contains(highest))
        #expect(!result.interrupted)
        #expect(result.conclusion.hasPrefix("highest passing rate \(highest)/s"), "\(result.conclusion)")
    }
}
