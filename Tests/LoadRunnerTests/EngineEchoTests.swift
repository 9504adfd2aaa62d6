import LoadMetrics
import LoadRunner
import NIOCore
import RunResults
import Testing
import WSProtocol
import WSTransport

/// The engine end to end against the embedded echo server: exact counts, pacing, sharding, thresholds.
@Suite("Load engine against the embedded echo server", .serialized, .timeLimit(.minutes(2)))
struct EngineEchoTests {
    static func closed(connections: Int, messages: Int, size: String = "64B", type: String = "binary") -> String {
        """
        name: closed
        load:
          connections: \(connections)
        steps:
          - repeat:
              times: \(messages)
              steps:
                - send:
                    type: \(type)
                    size: \(size)
                - expect:
                    timeout: 2s
          - close
        thresholds:
          - count(messages_lost) == 0
        """
    }

    @Test("a closed run of N connections × M messages sends and receives exactly N×M, with N upgrades")
    func closedExactCounts() async throws {
        let outcome = try await EngineSupport.runAgainstEcho(Self.closed(connections: 8, messages: 40))
        #expect(outcome.totals[.connectionAttempts] == 8)
        #expect(outcome.totals[.upgradesOK] == 8)
        #expect(outcome.sent == 320)
        #expect(outcome.received == 320)
        #expect(outcome.lost == 0)
        #expect(outcome.totals[.messagesDuplicated] == 0)
        #expect(outcome.totals[.payloadBytesSent] == 320 * 64)
        #expect(outcome.totals[.payloadBytesReceived] == 320 * 64)
        #expect(outcome.totals[.messageRTT].count == 320)
        #expect(outcome.totals[.connectTotal].count == 8)
        #expect(outcome.totals[.closeHandshake].count == 8)
        #expect(outcome.totals[.wireBytesSent] > outcome.totals[.payloadBytesSent])
        #expect(outcome.totals.closes.values.reduce(0, +) == 8)
        #expect(outcome.totals.errors.isEmpty)
        #expect(outcome.passed)
        #expect(!outcome.interrupted)
        #expect(outcome.timeSeries.points.reduce(0) { $0 + $1.messagesSent } == 320)
    }

    @Test("text messages carry the stamp as hex and count the same way", arguments: ["8B", "64B", "1KiB"])
    func textMessages(size: String) async throws {
        let outcome = try await EngineSupport.runAgainstEcho(
            Self.closed(connections: 3, messages: 20, size: size, type: "text")
        )
        #expect(outcome.sent == 60)
        #expect(outcome.received == 60)
        #expect(outcome.lost == 0)
    }

    @Test("held connections are costed: peak and held RSS per connection, from 100 connections on")
    func clientCost() async throws {
        let held = try await EngineSupport.runAgainstEcho(
            """
            name: held
            load:
              connections: 150
            steps:
              - sleep: 1300ms
              - close
            """
        )
        #expect(held.totals[.upgradesOK] == 150)
        let client = held.client
        #expect(client.peakConnections == 150)
        #expect(client.heldConnections == 150)
        // Far less than a mebibyte each (other tests share this process, so the growth is not exact).
        #expect(try #require(client.heldRSSBytesPerConnection) < 1_048_576)
        #expect(try #require(client.rssBytesPerConnection) < 1_048_576)
        // The report carries the same figures (report.json and the console's client line are views of it).
        let cost = try #require(held.runResult(commandLine: [], toolVersion: "test").loadDetails?.clientCost)
        #expect(cost.heldConnections == 150)
        #expect(cost.heldRSSBytesPerConnection == client.heldRSSBytesPerConnection)

        let few = try await EngineSupport.runAgainstEcho(
            """
            name: few
            load:
              connections: 3
            steps:
              - sleep: 1100ms
              - close
            """
        )
        #expect(few.client.heldRSSBytesPerConnection == nil)
        #expect(few.client.rssBytesPerConnection == nil)
    }

    @Test("an open run starts exactly the scheduled arrivals, each running its script once")
    func openArrivals() async throws {
        let yaml = """
            name: open
            load:
              model: open
              startRate: 20/s
              stages:
                - duration: 1s
                  target: 20/s
            steps:
              - send: "hello {{seq}} from {{conn}}"
              - expect:
                  regex: "^hello 0 from [0-9]+$"
              - close
            """
        let outcome = try await EngineSupport.runAgainstEcho(yaml)
        #expect(outcome.totals[.connectionAttempts] == 20)
        #expect(outcome.totals[.upgradesOK] == 20)
        #expect(outcome.sent == 20)
        #expect(outcome.received == 20)
        #expect(outcome.totals.errors.isEmpty, "\(outcome.totals.errors)")
    }

    @Test("two shards of a closed run add up to the whole run")
    func shardsAddUp() async throws {
        let yaml = Self.closed(connections: 7, messages: 10)
        let whole = try await EngineSupport.runAgainstEcho(yaml)
        let first = try await EngineSupport.runAgainstEcho(yaml, shard: try Shard(parsing: "0/2"))
        let second = try await EngineSupport.runAgainstEcho(yaml, shard: try Shard(parsing: "1/2"))
        #expect(first.totals[.upgradesOK] + second.totals[.upgradesOK] == whole.totals[.upgradesOK])
        #expect(first.sent + second.sent == whole.sent)
        #expect(first.received + second.received == 70)
        #expect(first.totals[.upgradesOK] == 4)
        #expect(second.totals[.upgradesOK] == 3)
    }

    @Test(
        "thresholds decide the outcome",
        arguments: [
            ("p99(message_rtt) < 10s", true), ("count(messages_sent) > 1000", false), ("count(errors) == 0", true),
            ("p50(message_rtt) < 1us", false),
        ]
    )
    func thresholdsDecide(threshold: String, passes: Bool) async throws {
        let yaml = """
            name: gate
            load:
              connections: 2
            steps:
              - repeat:
                  times: 5
                  steps:
                    - send:
                        size: 32B
                    - expect:
                        timeout: 2s
              - close
            thresholds:
              - "\(threshold)"
            """
        let outcome = try await EngineSupport.runAgainstEcho(yaml)
        #expect(outcome.passed == passes)
        #expect(outcome.thresholds.count == 1)
        #expect(outcome.thresholds.first?.passed == passes)
    }

    @Test("an abort-on-fail threshold stops the run early")
    func abortOnFail() async throws {
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
        #expect(!outcome.passed)
        #expect(outcome.abortedBy == "count(messages_sent) < 5")
        #expect(outcome.elapsedSeconds < 10)
        #expect(outcome.sent == outcome.received + outcome.lost)
    }

    @Test("a stop request closes connections with 1001, keeps every count and marks the result interrupted")
    func stopRequest() async throws {
        let server = try await EngineSupport.startEcho()
        defer { _ = server.stop() }
        let stop = StopSignal()
        let yaml = """
            name: long
            duration: 30s
            load:
              connections: 3
              messages:
                rate: 50/s
            steps:
              - repeat:
                  steps:
                    - send:
                        size: 64B
                    - expect:
                        timeout: 2s
            """
        Task {
            try await Task.sleep(for: .milliseconds(1200))
            stop.request()
        }
        let outcome = try await EngineSupport.run(yaml, url: "ws://127.0.0.1:\(server.port)/", stop: stop)
        #expect(outcome.interrupted)
        #expect(!outcome.passed)
        #expect(outcome.elapsedSeconds < 10)
        #expect(outcome.sent > 0)
        #expect(outcome.sent == outcome.received + outcome.lost)
        let closes = outcome.totals.closes.filter { $0.key.code == 1001 }.values.reduce(0, +)
        #expect(closes == 3)
    }

    @Test("a target that dies mid-run: connections close abnormally, the run finishes and nothing is lost")
    func targetDies() async throws {
        let server = try await EngineSupport.startEcho()
        let yaml = """
            name: dies
            duration: 3s
            load:
              connections: 4
              churn:
                reconnect:
                  min: 100ms
                  max: 200ms
              messages:
                rate: 50/s
            steps:
              - repeat:
                  steps:
                    - send:
                        size: 64B
                    - expect:
                        timeout: 500ms
            """
        Task {
            try await Task.sleep(for: .milliseconds(800))
            try await server.stop().get()
        }
        let outcome = try await EngineSupport.run(yaml, url: "ws://127.0.0.1:\(server.port)/")
        #expect(outcome.totals[.upgradesOK] == 4)
        #expect(outcome.sent > 0)
        #expect(outcome.sent == outcome.received + outcome.lost)
        let abnormal = outcome.totals.closes.filter { $0.key.code == 1006 || $0.key.code == 1001 }.values.reduce(0, +)
        #expect(abnormal == 4, "\(outcome.totals.closes)")
        #expect(outcome.totals[.upgradesFailed] > 0, "reconnects after the stop fail")
        #expect(outcome.totals.errors["tcp.refused", default: 0] > 0, "\(outcome.totals.errors)")
        let dropped = outcome.totals.errors["close.1006", default: 0] + outcome.totals.errors["close.1001", default: 0]
        #expect(dropped == 4, "\(outcome.totals.errors)")
        #expect(outcome.limitHit == .target)
        #expect(outcome.totals.connectionsOpen == 0)
    }

    @Test("an in-flight window pipelines unpaced echoes and still counts exactly")
    func inFlightWindow() async throws {
        let server = try await EngineSupport.startEcho()
        defer { _ = server.stop() }
        var plan = try RunPlan(
            scenario: try EngineSupport.scenario(Self.closed(connections: 4, messages: 200)),
            url: try WebSocketURL("ws://127.0.0.1:\(server.port)/"),
            inFlight: 8
        )
        plan.drainNanoseconds = 3_000_000_000
        #expect(plan.inFlight == 8)
        #expect(
            plan.program.instructions.contains(.expect(match: .any, timeoutNanoseconds: 2_000_000_000, pipelined: true))
        )
        let outcome = try await Coordinator(plan: plan).run(on: EngineSupport.group)
        #expect(outcome.sent == 800)
        #expect(outcome.received == 800)
        #expect(outcome.lost == 0)
    }

    @Test("churn with a lifetime closes connections with 1000 and opens new ones")
    func churnLifetime() async throws {
        let yaml = """
            name: churn
            duration: 1500ms
            load:
              connections: 3
              churn:
                lifetime: 300ms
            steps:
              - repeat:
                  steps:
                    - send:
                        size: 32B
                    - expect:
                        timeout: 2s
                    - sleep: 20ms
            """
        let outcome = try await EngineSupport.runAgainstEcho(yaml)
        #expect(outcome.totals[.upgradesOK] >= 6, "each slot reconnects after its lifetime")
        #expect(outcome.totals[.upgradesFailed] == 0)
        #expect(outcome.sent == outcome.received + outcome.lost)
        let normal = outcome.totals.closes.filter { $0.key.code == 1000 }.values.reduce(0, +)
        #expect(normal == outcome.totals[.upgradesOK])
    }

    @Test(
        "upgrade response header expectations are checked on every connection",
        arguments: [("X-Wsprobe-Target: test", 0), ("X-Wsprobe-Target: other", 3), ("X-Missing: {present: true}", 3)]
    )
    func headerExpectations(header: String, errors: UInt64) async throws {
        let yaml = """
            name: headers
            expect:
              headers:
                \(header)
            load:
              connections: 3
            steps:
              - close
            """
        let outcome = try await EngineSupport.runAgainstEcho(yaml)
        #expect(outcome.totals[.upgradesOK] == 3)
        #expect(outcome.totals.errors["expect.header", default: 0] == errors)
    }
}
