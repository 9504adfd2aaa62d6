import LoadMetrics
import LoadRunner
import NIOCore
import RunResults
import Testing
import WSTransport

/// The verdict the engine hands to report.json: `error` for a run that measured nothing, whatever its
/// thresholds, and the `abortOnFail` threshold that stopped a run named in the result.
@Suite("Load engine verdicts", .serialized, .timeLimit(.minutes(2)))
struct EngineVerdictTests {
    /// A loopback port where nothing listens: an echo server's port after it stopped.
    static func closedPort() async throws -> Int {
        let server = try await EngineSupport.startEcho()
        let port = server.port
        try await server.stop().get()
        return port
    }

    @Test("no connection upgraded: verdict error with the reason, even when every threshold passes")
    func nothingMeasured() async throws {
        let yaml = """
            name: unreachable
            duration: 2s
            target:
              timeouts:
                connect: 1s
            load:
              connections: 2
            steps:
              - close
            thresholds:
              - count(messages_lost) == 0
            """
        let port = try await Self.closedPort()
        let outcome = try await EngineSupport.run(yaml, url: "ws://127.0.0.1:\(port)/")
        #expect(outcome.thresholds.allSatisfy { $0.passed })
        #expect(!outcome.passed)
        let reason = try #require(outcome.nothingMeasured)
        #expect(reason.hasPrefix("no connection upgraded ("))
        let result = outcome.runResult(commandLine: [], toolVersion: "test")
        #expect(result.verdict == .error)
        #expect(result.errorReason == reason)
    }

    @Test("a run that upgraded measured something: no error reason")
    func measured() async throws {
        let outcome = try await EngineSupport.runAgainstEcho(
            """
            name: fine
            load:
              connections: 1
            steps:
              - close
            """
        )
        #expect(outcome.nothingMeasured == nil)
        #expect(outcome.runResult(commandLine: [], toolVersion: "test").verdict == .passed)
    }

    @Test("the abortOnFail threshold that stopped the run is in the result, its verdict failed and the console")
    func aborted() async throws {
        let yaml = """
            name: abort
            duration: 20s
            load:
              connections: 2
              messages:
                rate: 20/s
            steps:
              - repeat:
                  steps:
                    - send:
                        size: 32B
                    - expect:
                        timeout: 2s
            thresholds:
              - threshold: count(messages_sent) < 5
                abortOnFail: true
            """
        let outcome = try await EngineSupport.runAgainstEcho(yaml)
        let result = outcome.runResult(commandLine: [], toolVersion: "test")
        #expect(result.abortedBy == "count(messages_sent) < 5")
        #expect(result.verdict == .failed)
        #expect(result.loadDetails?.clientCost != nil, "the run's own figures are in the result")
    }
}
