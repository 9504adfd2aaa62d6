import LoadMetrics
import NIOCore
import NIOEmbedded
import ResultCodes
import Scenario
import Testing
import WSProtocol

@testable import LoadRunner

/// Whole connections (`LoadConnection` and the real `WebSocketHandler`) against an in-memory server, driven by
/// a worker on an `EmbeddedEventLoop`: exact counts and send instants, no sockets and no wall time.
@Suite("Load engine in virtual time")
struct EngineVirtualTimeTests {
    /// Runs `yaml` on one worker for `duration` of virtual time, then stops it (1000, draining) and lets the
    /// closes complete.
    static func run(_ yaml: String, peer: InMemoryPeerFactory, for duration: TimeAmount) throws -> WorkerReport {
        let loop = EmbeddedEventLoop()
        let plan = try RunPlan(
            scenario: try ScenarioLoader().scenario(yaml: yaml),
            url: try WebSocketURL("ws://127.0.0.1:9/")
        )
        let worker = try Worker(plan: plan, index: 0, workerCount: 1, loop: loop, factory: peer)
        worker.start(atNanoseconds: loop.now.uptimeNanoseconds)
        loop.advanceTime(by: duration)
        worker.stop(code: 1000)
        loop.advanceTime(by: .seconds(10))
        let report = worker.report()
        worker.abortAll()
        loop.run()
        return report
    }

    static func instants(every step: UInt64, count: Int, connections: Int) -> [UInt64] {
        (0..<count).flatMap { k in Array(repeating: UInt64(k) * step, count: connections) }
    }

    @Test("N connections × M send/expect pairs: exactly N×M sent and received, N clean closes, each 2 ms apart")
    func closedLoopExact() throws {
        let yaml = """
            name: closed
            load:
              connections: 3
            steps:
              - repeat:
                  times: 5
                  steps:
                    - send:
                        size: 64B
                    - expect:
                        timeout: 2s
              - close
            """
        let peer = InMemoryPeerFactory(.echo(after: .milliseconds(2)))
        let report = try Self.run(yaml, peer: peer, for: .seconds(1))
        let totals = report.metrics.total
        #expect(totals[.upgradesOK] == 3)
        #expect(totals[.messagesSent] == 15)
        #expect(totals[.messagesReceived] == 15)
        #expect(totals[.messagesLost] == 0)
        // The handler stamps reads with its loop's clock: every round trip is exactly the peer's 2 ms.
        let rtt = totals[.messageRTT]
        #expect(rtt.count == 15)
        #expect(rtt.lowestEquivalentValue(rtt.min) == rtt.lowestEquivalentValue(2_000))
        #expect(rtt.lowestEquivalentValue(rtt.max) == rtt.lowestEquivalentValue(2_000))
        #expect(totals.closes == [CloseKey(code: 1000, initiator: .client): 3])
        #expect(totals.errors.isEmpty)
        #expect(peer.messageInstants == Self.instants(every: 2_000_000, count: 5, connections: 3))
        #expect(report.finished)
    }

    @Test("40/s per connection for 1.5 s: exactly 60 sends per connection at the planned instants, none lost")
    func pacedPerConnection() throws {
        let yaml = """
            name: paced
            duration: 1500ms
            load:
              connections: 4
              messages:
                rate: 40/s
            steps:
              - repeat:
                  steps:
                    - send:
                        type: binary
                        size: 128B
                    - expect:
                        timeout: 2s
            """
        let peer = InMemoryPeerFactory(.echo(after: .milliseconds(30)))
        let report = try Self.run(yaml, peer: peer, for: .milliseconds(1500))
        let totals = report.metrics.total
        #expect(totals[.messagesSent] == 240)
        #expect(totals[.messagesReceived] == 240)
        #expect(totals[.messagesLost] == 0)
        #expect(totals[.upgradesOK] == 4)
        #expect(peer.messageInstants == Self.instants(every: 25_000_000, count: 60, connections: 4))
        #expect(totals.closes[CloseKey(code: 1000, initiator: .client)] == 4)
    }

    @Test("a total rate of 200/s over 1.2 s is shared by 5 connections: exactly 240 sends, 5 ms apart")
    func pacedTotal() throws {
        let yaml = """
            name: total
            duration: 1200ms
            load:
              connections: 5
              messages:
                rate: 200/s
                per: total
            steps:
              - repeat:
                  steps:
                    - send:
                        size: 64B
                    - expect:
                        timeout: 2s
            """
        let peer = InMemoryPeerFactory(.echo(after: .milliseconds(1)))
        let report = try Self.run(yaml, peer: peer, for: .milliseconds(1200))
        let totals = report.metrics.total
        #expect(totals[.messagesSent] == 240)
        #expect(totals[.messagesReceived] == 240)
        #expect(report.skippedSends == 0)
        #expect(peer.messageInstants == (0..<240).map { UInt64($0) * 5_000_000 })
    }

    @Test("a server that never answers: expect.timeout at the timeout, the message lost at the next sweep")
    func silentServer() throws {
        let yaml = """
            name: silent
            load:
              connections: 1
            steps:
              - send:
                  size: 64B
              - expect:
                  timeout: 500ms
              - close
            """
        let report = try Self.run(yaml, peer: InMemoryPeerFactory(.silent), for: .seconds(1))
        let totals = report.metrics.total
        #expect(totals[.messagesSent] == 1)
        #expect(totals[.messagesReceived] == 0)
        #expect(totals[.messagesLost] == 1)
        // One for the expect itself, one for the pipelined echo the close waited for.
        #expect(totals.errors[ErrorCode.expectTimeout.rawValue] == 2)
        #expect(totals.closes[CloseKey(code: 1000, initiator: .client)] == 1)
    }

    @Test("a server that closes with 1001 after two messages: one close.1001 error, the unanswered send lost")
    func serverClosesEarly() throws {
        let yaml = """
            name: early
            load:
              connections: 1
            steps:
              - repeat:
                  times: 5
                  steps:
                    - send:
                        size: 64B
                    - expect:
                        timeout: 1s
              - close
            """
        let peer = InMemoryPeerFactory(.close(afterMessages: 2, code: 1001))
        let report = try Self.run(yaml, peer: peer, for: .seconds(1))
        let totals = report.metrics.total
        #expect(totals.errors == [ErrorCode.closeFrame(1001).rawValue: 1])
        #expect(totals[.messagesReceived] == 2)
        #expect(totals[.messagesSent] == totals[.messagesReceived] + totals[.messagesLost])
        #expect(totals.closes[CloseKey(code: 1001, initiator: .server)] == 1)
    }
}
