import LoadMetrics
import LoadRunner
import NIOCore
import Testing
import WSTransport

/// A gracefully drained target (`EchoServer.drain`) sends its 1001 right after an answer, in the same write;
/// the engine processes that close before it sends again, so even a script that sends the moment an echo
/// arrives loses nothing.
@Suite("Load engine: graceful drain", .serialized, .timeLimit(.minutes(2)))
struct EngineGracefulDrainTests {
    @Test("back-to-back send and expect through a graceful drain: every connection gets 1001, nothing is lost")
    func nothingLost() async throws {
        let server = try await EngineDrainTests.echo("a")
        defer { _ = server.stop() }
        let stop = StopSignal()
        // No message rate: each connection sends again as soon as its echo arrives.
        async let running = EngineSupport.run(
            """
            name: graceful
            duration: 60s
            load:
              connections: 10
            steps:
              - repeat:
                  steps:
                    - send: "{{conn}}:{{seq}}"
                    - expect:
                        timeout: 2s
            """,
            url: "ws://127.0.0.1:\(server.port)/",
            stop: stop
        )
        do {
            try await EngineDrainTests.waitUntil("10 connections echoing") {
                let counters = try await server.counters().get()
                return counters.upgrades >= 10 && counters.messagesEchoed >= 1000
            }
            try await server.drain(grace: .seconds(10)).get()
        } catch {
            stop.request()
            _ = try? await running
            throw error
        }
        stop.request()
        let outcome = try await running
        #expect(outcome.totals.errors == ["close.1001": 10], "\(outcome.totals.errors)")
        #expect(outcome.totals.closes[CloseKey(code: 1001, initiator: .server)] == 10)
        #expect(outcome.lost == 0)
        #expect(outcome.sent > 1000)
        #expect(outcome.sent == outcome.received)
    }
}
