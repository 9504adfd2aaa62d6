import LoadRunner
import NIOCore
import NIOPosix
import Probes
import RunResults
import TLSOpenSSL
import TestSupport
import Testing
import WSProtocol
import WSTransport

/// `wsprobe probe idle` through HAProxy and nginx `/idle` routes (tunnel idle timeout 2 s: HAProxy
/// `timeout tunnel 2s`, nginx `proxy_read_timeout`/`proxy_send_timeout 2s`) and against a Python `websockets`
/// backend that closes idle connections itself.
@Suite("Idle probe through proxies and an idle-closing backend")
struct IdleProbeProxyTests {
    static func probe(_ url: String, parallel: Int = 8, tls: Bool = false) async throws -> IdleProbeDetails {
        var connect = ConnectOptions(url: try WebSocketURL(url))
        if tls {
            let certificates = try CertificateFactory.shared()
            connect.tls = try TLSContext(configuration: .client(caFile: certificates.caCertificate))
        }
        var plan = IdleProbePlan(connect: connect)
        plan.maximum = .seconds(10)
        plan.parallel = parallel
        plan.expectation = IdleProbeExpectation(seconds: 2, toleranceSeconds: 0.6)
        return try await IdleProbeRun.run(plan, on: MultiThreadedEventLoopGroup.singleton)
    }

    @Test(
        "through TLS, the proxy's 2 s tunnel timeout is found within ±0.6 s, ended by TCP without a close frame, kept open by every heartbeat",
        arguments: ALBStandInKind.allCases
    )
    func proxyIdleTimeout(kind: ALBStandInKind) async throws {
        let bed = try await ALBTestBed.start(kind)
        defer { bed.stop() }
        #expect(bed.configuration.idleTimeoutSeconds == 2)
        // Through the proxy's TLS listener, as an ALB with a certificate is used.
        let port = try #require(bed.proxy.httpsPort)
        let result = try await Self.probe("wss://127.0.0.1:\(port)/idle", tls: true)
        let cutoff = try #require(result.cutoffSeconds)
        #expect(abs(cutoff - 2) <= 0.6, "\(kind) cutoff \(cutoff) s")
        #expect(result.expectationMet == true)
        #expect(result.silentClosed == 8)
        // Both proxies close the client side of a timed-out tunnel with a plain TCP close: no close frame.
        let closure = try #require(result.closure)
        #expect(closure.code == 1006)
        #expect(!closure.closeFrame)
        #expect(!closure.wasClean)
        // The proxies time the tunnel on bytes in either direction, so control frames count like data.
        #expect(result.keepAlive.map(\.mode) == [.ping, .pong, .data])
        // Heartbeats every cutoff/3 over a 1.5 × cutoff hold: about 4 on an idle machine. A held tunnel needs at
        // least 2 (no gap of a whole cutoff), which is the bound that does not depend on the machine's load.
        for entry in result.keepAlive {
            #expect(entry.keptOpen == true, "\(kind) \(entry.mode) did not keep the tunnel open")
            #expect(entry.heartbeatsSent >= 2)
        }
        let replies = Dictionary(uniqueKeysWithValues: result.keepAlive.map { ($0.mode, $0.repliesReceived) })
        #expect((replies[.ping] ?? 0) >= 2)  // the backend answers each ping through the tunnel
        #expect(replies[.pong] == 0)  // unsolicited pongs get no answer (RFC 6455 §5.5.3)
        #expect((replies[.data] ?? 0) >= 2)
        let safe = try #require(result.safeHeartbeatSeconds)
        #expect(safe <= cutoff / 2 && safe > 0)
        // One silent batch (≈ cutoff + grace) and one keep-alive batch (≈ 1.5 × cutoff), not a sum over holds:
        // probing the 8 silent connections one after the other would take at least 8 cutoffs. The bounds sit
        // well below that and well above one cutoff, so a loaded machine does not decide the outcome.
        #expect(
            result.silentPhaseSeconds < 8 * cutoff * 0.75,
            "silent \(result.silentPhaseSeconds) s, keep-alive \(result.keepAlivePhaseSeconds) s"
        )
        #expect(result.durationSeconds < 8 * cutoff * 1.5)
        // Both end a timed-out tunnel in order: a FIN, not a reset.
        #expect(closure.tcpEnd == .fin, "\(kind): \(closure)")
        #expect(result.consoleText().contains("TCP FIN without a close frame (1006)"))
    }

    @Test("a backend that closes after 2 s without client bytes is found with its 1001 close frame")
    func backendIdleClose() async throws {
        let server = try await PythonWebSocketServer.start(id: "idle", idleClose: .seconds(2))
        defer { server.stop() }
        let result = try await Self.probe("ws://127.0.0.1:\(server.port)/", parallel: 4)
        let cutoff = try #require(result.cutoffSeconds)
        #expect(abs(cutoff - 2) <= 0.6)
        let closure = try #require(result.closure)
        #expect(closure.code == 1001)
        #expect(closure.closeFrame)
        // Its timer counts any byte from the client, control frames included.
        #expect(result.keepingModes == [.ping, .pong, .data])
    }

    @Test(
        "a raw server that ends idle connections after 1 s: FIN and RST are told apart",
        arguments: [(HostileRoute.endWhenIdle, IdleProbeClosure.TCPEnd.fin), (.resetWhenIdle, .rst)]
    )
    func finOrReset(route: HostileRoute, end: IdleProbeClosure.TCPEnd) async throws {
        let server = try await HostileServer.start()
        defer { server.stop() }
        var connect = ConnectOptions(url: try WebSocketURL(server.url(route)))
        connect.timeouts = PhaseTimeouts(all: .seconds(5))
        var plan = IdleProbePlan(connect: connect)
        plan.maximum = .seconds(5)
        plan.parallel = 4
        let result = try await IdleProbeRun.run(plan, on: MultiThreadedEventLoopGroup.singleton)
        let cutoff = try #require(result.cutoffSeconds)
        #expect(cutoff >= 0.9, "\(route) cutoff \(cutoff) s")
        let closure = try #require(result.closure)
        #expect(closure.code == 1006)
        #expect(!closure.closeFrame)
        #expect(closure.tcpEnd == end, "\(route): \(closure)")
        let word = end == .fin ? "FIN" : "RST"
        #expect(result.consoleText().contains("TCP \(word) without a close frame (1006)"), "\(result.consoleText())")
    }
}
