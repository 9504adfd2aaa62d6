import LoadMetrics
import LoadRunner
import NIOCore
import Testing
import WSTransport

/// Drain and reconnect end to end: connections held on target `a` behind a forwarder are closed by `a`
/// with 1001 when it stops (as a draining target does), and reconnect with backoff to `b`.
@Suite("Load engine: drain and reconnect", .serialized, .timeLimit(.minutes(2)))
struct EngineDrainTests {
    static func scenario(connections: Int, reconnect: Bool) -> String {
        """
        name: drain
        duration: 60s
        load:
          connections: \(connections)
        """
            + (reconnect
                ? """

                  churn:
                    reconnect:
                      min: 100ms
                      max: 1s
                      jitter: 50%
                """ : "")
                + """

                  messages:
                    rate: 5/s
                steps:
                  - repeat:
                      steps:
                        - send:
                            type: binary
                            size: 64B
                        - expect:
                            timeout: 2s
                """
    }

    /// Polls `condition` every 50 ms for at most `seconds`.
    static func waitUntil(
        _ what: String,
        seconds: Double = 20,
        _ condition: () async throws -> Bool
    ) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int(seconds * 1000))
        while try await !condition() {
            guard clock.now < deadline else { throw WaitTimeout(what: what) }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    struct WaitTimeout: Error, CustomStringConvertible {
        let what: String
        var description: String { "Timed out waiting until \(self.what)." }
    }

    static func echo(_ identity: String) async throws -> EchoServer {
        try await EchoServer.start(
            configuration: EchoServerConfiguration(identity: identity),
            group: EngineSupport.group
        )
        .get()
    }

    @Test("a drained target's connections reconnect with backoff to the next one: exact counts by code and target")
    func drainToAnotherTarget() async throws {
        let a = try await Self.echo("a")
        let b = try await Self.echo("b")
        defer {
            _ = a.stop()
            _ = b.stop()
        }
        let forwarder = try await TestForwarder.start(to: a.port, group: EngineSupport.group)
        let stop = StopSignal()
        async let running = EngineSupport.run(
            Self.scenario(connections: 6, reconnect: true),
            url: "ws://127.0.0.1:\(forwarder.port)/",
            stop: stop
        )
        do {
            try await Self.waitUntil("6 connections upgraded on a") { try await a.counters().get().upgrades >= 6 }
            // Hold them on a over at least one per-second snapshot, then drain a: new connections go to b.
            try await Task.sleep(for: .seconds(2))
            forwarder.switchBackend(to: b.port)
            try await a.stop().get()
            try await Self.waitUntil("6 connections upgraded on b") { try await b.counters().get().upgrades >= 6 }
            try await Task.sleep(for: .seconds(2))
        } catch {
            stop.request()
            _ = try? await running
            await forwarder.stop()
            throw error
        }
        stop.request()
        let outcome = try await running
        await forwarder.stop()

        let totals = outcome.totals
        #expect(totals.targetIdentities == ["a": 6, "b": 6])
        #expect(totals.errors == ["close.1001": 6])
        #expect(totals.errorsByTarget == ["a": ["close.1001": 6]])
        #expect(totals.closes[CloseKey(code: 1001, initiator: .server)] == 6)
        #expect(totals[.reconnects] == 6)
        #expect(totals[.reconnect].count == 6)
        #expect(totals.overflowCount(.reconnect) == 0)
        // The backoff is a lower bound of every reconnect: 100 ms less at most 50 % jitter.
        #expect(totals[.reconnect].min >= 50_000)
        #expect(outcome.sent > 0)
        #expect(outcome.sent == outcome.received + outcome.lost)

        let points = outcome.timeSeries.points
        let onA = try #require(points.firstIndex { $0.connectionsOpenByTarget == ["a": 6] }, "\(points)")
        let onB = try #require(points.lastIndex { $0.connectionsOpenByTarget == ["b": 6] }, "\(points)")
        #expect(onA < onB)
        #expect(!points[onB...].contains { $0.connectionsOpenByTarget["a", default: 0] > 0 })
        #expect(points.reduce(0) { $0 + $1.reconnects } == 6)
        #expect(points.reduce(0) { $0 + $1.reconnectTime.count } == 6)
        #expect(points.reduce(0) { $0 + ($1.errors["close.1001"] ?? 0) } == 6)
        #expect(points.reduce(0) { $0 + $1.messagesLost } == outcome.lost)
        #expect(points.last?.connectionsOpenByTarget.isEmpty == true)
    }

    @Test("without churn.reconnect a drained target's closes count by code and target, and nothing reconnects")
    func drainWithoutReconnect() async throws {
        let a = try await Self.echo("a")
        defer { _ = a.stop() }
        let stop = StopSignal()
        async let running = EngineSupport.run(
            Self.scenario(connections: 4, reconnect: false),
            url: "ws://127.0.0.1:\(a.port)/",
            stop: stop
        )
        do {
            try await Self.waitUntil("4 connections upgraded on a") { try await a.counters().get().upgrades >= 4 }
            try await a.stop().get()
        } catch {
            stop.request()
            _ = try? await running
            throw error
        }
        // Every slot is done once its connection ended, so the run finishes by itself; the watchdog bounds it.
        let watchdog = Task {
            try? await Task.sleep(for: .seconds(20))
            stop.request()
        }
        let outcome = try await running
        watchdog.cancel()
        #expect(!outcome.interrupted)
        #expect(outcome.totals.errors == ["close.1001": 4])
        #expect(outcome.totals.errorsByTarget == ["a": ["close.1001": 4]])
        #expect(outcome.totals[.reconnects] == 0)
        #expect(outcome.totals[.reconnect].count == 0)
        #expect(outcome.sent == outcome.received + outcome.lost)
    }
}
