import Foundation
import NIOCore
import NIOEmbedded
import RunResults
import Scenario
import Synchronization
import Testing
import WSProtocol

@testable import LoadRunner

/// Rate-search steps and their measurement windows end to end (`RateSearchRun`, `Coordinator`, workers,
/// connections and the real `WebSocketHandler`) against an in-memory peer, in virtual time: exact counts and
/// verdicts, no sockets and no wall time.
@Suite("Rate search in virtual time")
struct RateSearchVirtualTimeTests {
    /// 4 connections sharing the step's rate, each send answered by an echo.
    static let yaml = """
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

    /// Runs the search on one `EmbeddedEventLoop` (on a thread of its own), driving the coordinator's clock in
    /// virtual time.
    static func search(
        _ yaml: String,
        _ search: RateSearch,
        peer: InMemoryPeerFactory,
        onStep: @escaping @Sendable (RateSearchStep) -> Void = { _ in }
    ) async throws -> RateSearchDetails {
        let scenario = try ScenarioLoader().scenario(yaml: yaml)
        let url = try WebSocketURL("ws://127.0.0.1:9/")
        return try await VirtualRun.onOwnThread {
            let loop = EmbeddedEventLoop()
            let clock = VirtualRunClock(loop: loop)
            return try VirtualRun.drive(clock) {
                try await RateSearchRun.run(
                    scenario: scenario,
                    url: url,
                    search: search,
                    stepDuration: .seconds(1),
                    stop: StopSignal(),
                    on: [loop],
                    factory: peer,
                    clock: clock,
                    onStep: onStep
                )
            }
        }
    }

    @Test("each step measures exactly its rate for one second after a two-second warm-up; 400/s fails count < 300")
    func searchesExactly() async throws {
        let peer = InMemoryPeerFactory(.echo(after: .milliseconds(1)))
        let seen = Seen()
        let result = try await Self.search(
            Self.yaml,
            RateSearch(from: 50, to: 10_000, precision: 0.2, maxSteps: 8),
            peer: peer
        ) { seen.append($0.rate) }
        #expect(seen.rates == result.steps.map(\.rate))
        #expect(result.steps.map(\.rate) == [50, 100, 200, 400, 300, 350])
        #expect(result.steps.map(\.passed) == [true, true, true, false, true, false])
        // The window is the second after the warm-up sample: the send due at that sample's instant belongs to
        // the warm-up, the one due at its end comes after the workers stopped.
        #expect(result.steps.map(\.sent) == [49, 99, 199, 399, 299, 349])
        for step in result.steps {
            // The echo of the warm-up's last send is received in the window; nothing is lost or fails.
            #expect(step.received == step.sent + 1, "\(step)")
            #expect(step.lost == 0 && step.errors == 0, "\(step)")
            // All 4 open at once: reached at the first sample, settled at the second.
            #expect(step.warmUpSeconds == 2, "\(step)")
        }
        #expect(result.steps[3].failedThresholds.first?.hasPrefix("count(messages_sent) < 300 (observed") == true)
        #expect(result.steps[0].failedThresholds.isEmpty)
        #expect(result.highestPassingRate == 300)
        #expect(!result.interrupted)
        #expect(result.conclusion == "highest passing rate 300/s (350/s failed)")
    }

    @Test("a first step that fails names the failed threshold in the conclusion")
    func firstStepFails() async throws {
        let yaml = Self.yaml.replacingOccurrences(of: "count(messages_sent) < 300", with: "count(messages_sent) < 10")
        let result = try await Self.search(
            yaml,
            RateSearch(from: 50, to: 10_000, precision: 0.2, maxSteps: 8),
            peer: InMemoryPeerFactory(.echo(after: .milliseconds(1)))
        )
        #expect(result.steps.map(\.rate) == [50])
        #expect(result.steps.map(\.sent) == [49])
        #expect(result.highestPassingRate == nil)
        #expect(result.conclusion.hasPrefix("even 50/s failed the thresholds: count(messages_sent) < 10"))
    }
}

/// The measurement window of a step whose connections open slowly, in virtual time.
@Suite("Measurement window of a rate-search step in virtual time")
struct MeasurementWindowVirtualTimeTests {
    @Test("upgrades that take 1.5 s are warm-up: the step measures its rate after they opened and passes")
    func slowUpgradesAreWarmUp() async throws {
        let yaml = RateSearchVirtualTimeTests.yaml.replacingOccurrences(
            of: "count(messages_sent) < 300",
            with: "count(messages_sent) >= 40"
        )
        let peer = InMemoryPeerFactory(.echo(after: .milliseconds(1)), upgradeDelay: .milliseconds(1500))
        let result = try await RateSearchVirtualTimeTests.search(
            yaml,
            RateSearch(from: 50, to: 50, precision: 0.1, maxSteps: 1),
            peer: peer
        )
        let step = try #require(result.steps.first)
        #expect(step.passed, "\(step)")
        // Open at 1.5 s: reached at the second sample, settled at the third; the window is the fourth second.
        #expect(step.warmUpSeconds == 3, "\(step)")
        #expect(step.sent == 49, "\(step)")
        #expect(step.received == 50 && step.lost == 0, "\(step)")
        #expect(result.conclusion == "50/s passed, the top of the range (--to); the limit is higher")
    }
}

/// The rates a step callback saw, for a `@Sendable` callback.
final class Seen: Sendable {
    private let storage = Mutex<[Int]>([])
    func append(_ rate: Int) { self.storage.withLock { $0.append(rate) } }
    var rates: [Int] { self.storage.withLock { $0 } }
}
