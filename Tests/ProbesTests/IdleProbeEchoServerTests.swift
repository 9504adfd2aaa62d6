import NIOCore
import NIOPosix
import Probes
import RunResults
import Testing
import WSProtocol
import WSTransport

/// The idle probe against wsprobe's own echo server with a 2 s idle close (1001 'idle'; only data messages
/// count as activity there).
@Suite("Idle probe against the embedded echo server")
struct IdleProbeEchoServerTests {
    static func withServer<T: Sendable>(
        idleClose: Duration?,
        _ body: (WebSocketURL) async throws -> T
    ) async throws -> T {
        var configuration = EchoServerConfiguration(identity: "idle-test")
        configuration.misbehaviour.idleClose = idleClose
        let server = try await EchoServer.start(
            configuration: configuration,
            group: MultiThreadedEventLoopGroup.singleton
        ).get()
        do {
            let result = try await body(try WebSocketURL("ws://127.0.0.1:\(server.port)/"))
            try? await server.stop().get()
            return result
        } catch {
            try? await server.stop().get()
            throw error
        }
    }

    @Test("finds a 2 s cutoff within ±0.5 s, closed by the server with 1001, and only data keeps it open")
    func findsCutoff() async throws {
        let result = try await Self.withServer(idleClose: .seconds(2)) { url in
            var plan = IdleProbePlan(connect: ConnectOptions(url: url))
            plan.maximum = .seconds(10)
            plan.expectation = IdleProbeExpectation(seconds: 2, toleranceSeconds: 0.5)
            return try await IdleProbeRun.run(plan, on: MultiThreadedEventLoopGroup.singleton)
        }
        let cutoff = try #require(result.cutoffSeconds)
        #expect(abs(cutoff - 2) <= 0.5)
        #expect(result.silentClosed == 8)
        let closure = try #require(result.closure)
        #expect(closure.code == 1001)
        #expect(closure.closeFrame)
        #expect(closure.reason == "idle")
        let modes = Dictionary(uniqueKeysWithValues: result.keepAlive.map { ($0.mode, $0) })
        #expect(modes[.data]?.keptOpen == true)
        #expect(modes[.ping]?.keptOpen == false)
        #expect(modes[.pong]?.keptOpen == false)
        #expect(modes[.ping]?.closure?.code == 1001)
        #expect((modes[.data]?.repliesReceived ?? 0) >= 3)  // echoes of the data heartbeats
        let safe = try #require(result.safeHeartbeatSeconds)
        #expect(safe <= cutoff / 2 && safe >= 0.75)
        #expect(result.expectationMet == true)
        #expect(result.advice.contains("data heartbeat"))
        // Parallel connections, not a sum over hold times: probing the 8 silent connections one after the
        // other would take at least 8 × 2 s. The bounds sit well below that and well above one cutoff, so a
        // loaded machine (tests run in parallel) does not decide the outcome.
        #expect(
            result.silentPhaseSeconds < 8 * 2 * 0.75,
            "silent \(result.silentPhaseSeconds) s, keep-alive \(result.keepAlivePhaseSeconds) s"
        )
        #expect(result.durationSeconds < 8 * 2 * 1.5)
        let text = result.consoleText()
        #expect(text.contains("closed by:      the peer (server or proxy) sent a close frame 1001 'idle'"))
        #expect(text.contains("data  kept open"))
    }

    @Test("says 'no idle cutoff up to' the maximum when nothing closes, and misses any expectation")
    func noCutoff() async throws {
        let result = try await Self.withServer(idleClose: nil) { url in
            var plan = IdleProbePlan(connect: ConnectOptions(url: url))
            plan.maximum = .milliseconds(800)
            plan.parallel = 2
            plan.expectation = IdleProbeExpectation(seconds: 1, toleranceSeconds: 1)
            return try await IdleProbeRun.run(plan, on: MultiThreadedEventLoopGroup.singleton)
        }
        #expect(result.cutoffSeconds == nil)
        #expect(result.silentClosed == 0)
        #expect(result.keepAlive.isEmpty)
        #expect(result.safeHeartbeatSeconds == nil)
        #expect(result.expectationMet == false)
        #expect(result.consoleText().contains("no idle cutoff up to 0.8 s"))
        let json = try ProbeResultText.json(ProbeDetails(idle: result))
        #expect(json.contains("\"maximumSeconds\" : 0.8"))
    }

    @Test("a port where nothing listens throws probe.connect")
    func connectFailure() async throws {
        let closedPort = try await Self.withServer(idleClose: nil) { url in url.port }
        var plan = IdleProbePlan(connect: ConnectOptions(url: try WebSocketURL("ws://127.0.0.1:\(closedPort)/")))
        plan.maximum = .seconds(1)
        plan.parallel = 1
        await #expect(throws: IdleProbeError.self) {
            try await IdleProbeRun.run(plan, on: MultiThreadedEventLoopGroup.singleton)
        }
    }
}

extension IdleProbeEchoServerTests {
    @Test("a server that closes right after the upgrade is reported as a refusal, not an idle timeout")
    func immediateClose() async throws {
        var configuration = EchoServerConfiguration(identity: "closer")
        configuration.misbehaviour.closeWith = .policyViolation
        configuration.misbehaviour.closeMoment = .afterUpgrade
        let server = try await EchoServer.start(
            configuration: configuration,
            group: MultiThreadedEventLoopGroup.singleton
        ).get()
        var plan = IdleProbePlan(connect: ConnectOptions(url: try WebSocketURL("ws://127.0.0.1:\(server.port)/")))
        plan.maximum = .seconds(5)
        plan.parallel = 2
        plan.modes = [.none]
        let result = try await IdleProbeRun.run(plan, on: MultiThreadedEventLoopGroup.singleton)
        try? await server.stop().get()
        #expect(result.closure?.code == 1008)
        #expect(result.safeHeartbeatSeconds == nil)
        #expect(result.advice.contains("refusal, not an idle timeout"))
    }
}
