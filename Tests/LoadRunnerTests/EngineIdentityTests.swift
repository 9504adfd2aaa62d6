import LoadMetrics
import LoadRunner
import NIOCore
import Testing
import WSTransport

/// Per-target counts from the identity header each target puts on its 101.
@Suite("Load engine: target identities", .serialized, .timeLimit(.minutes(2)))
struct EngineIdentityTests {
    @Test("every upgraded connection counts once for the target named in X-Wsprobe-Target")
    func defaultIdentityHeader() async throws {
        let outcome = try await EngineSupport.runAgainstEcho(EngineEchoTests.closed(connections: 6, messages: 2))
        #expect(outcome.totals.targetIdentities == ["test": 6])
    }

    @Test("a scenario's identity header is the one read, and targets without it are not counted")
    func scenarioIdentityHeader() async throws {
        let named = try await EchoServer.start(
            configuration: EchoServerConfiguration(identity: "pod-a", identityHeaderName: "X-Pod"),
            group: EngineSupport.group
        ).get()
        defer { _ = named.stop() }
        let yaml = EngineEchoTests.closed(connections: 4, messages: 1) + "\nidentity:\n  header: X-Pod\n"
        let outcome = try await EngineSupport.run(yaml, url: "ws://127.0.0.1:\(named.port)/")
        #expect(outcome.totals.targetIdentities == ["pod-a": 4])

        let other = try await EngineSupport.run(
            EngineEchoTests.closed(connections: 3, messages: 1),
            url: "ws://127.0.0.1:\(named.port)/"
        )
        #expect(other.totals.targetIdentities.isEmpty)
        #expect(other.totals[.upgradesOK] == 3)
    }
}
