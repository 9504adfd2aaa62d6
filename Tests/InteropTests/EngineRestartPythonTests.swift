import LoadMetrics
import LoadRunner
import NIOPosix
import RunResults
import Scenario
import TestSupport
import Testing
import WSProtocol
import WSTransport

/// The load engine's drain-and-reconnect figures against an independent peer: a Python `websockets`
/// server that closes each of the first four connections with 1012 (service restart) one second after
/// its upgrade, as a target restarted during a deploy does; the replacements stay open.
@Suite("Load engine against a restarting Python websockets server", .serialized, .timeLimit(.minutes(2)))
struct EngineRestartPythonTests {
    static let yaml = """
        name: restart
        duration: 5s
        load:
          connections: 4
          churn:
            reconnect:
              min: 100ms
              max: 1s
              jitter: 50%
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
        thresholds:
          - count(errors{code="close.1012", target="py"}) == 4
          - count(reconnects) == 4
        """

    @Test("each 1012 close is one error of its target and one reconnect, with the backoff as lower bound")
    func restartCloses() async throws {
        let server = try await PythonWebSocketServer.start(
            id: "py",
            closeAfter: .seconds(1),
            closeCode: 1012,
            closeLimit: 4
        )
        defer { server.stop() }
        let plan = try RunPlan(
            scenario: try ScenarioLoader().scenario(yaml: Self.yaml),
            url: try WebSocketURL(server.url + "/")
        )
        let outcome = try await Coordinator(plan: plan).run(on: MultiThreadedEventLoopGroup.singleton)

        let totals = outcome.totals
        #expect(totals.errors == ["close.1012": 4])
        #expect(totals.errorsByTarget == ["py": ["close.1012": 4]])
        #expect(totals.closes[CloseKey(code: 1012, initiator: .server)] == 4)
        #expect(totals.targetIdentities == ["py": 8])
        #expect(totals[.reconnects] == 4)
        #expect(totals[.reconnect].count == 4)
        #expect(totals[.reconnect].min >= 50_000)
        #expect(totals[.messagesSent] == totals[.messagesReceived] + totals[.messagesLost])
        let points = outcome.timeSeries.points
        #expect(points.reduce(0) { $0 + $1.reconnects } == 4)
        #expect(points.reduce(0) { $0 + ($1.errors["close.1012"] ?? 0) } == 4)
        #expect(points.contains { $0.connectionsOpenByTarget == ["py": 4] })
        #expect(outcome.thresholds.map(\.passed) == [true, true], "\(outcome.thresholds)")
    }
}
