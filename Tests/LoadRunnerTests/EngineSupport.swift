import LoadMetrics
import LoadRunner
import NIOCore
import NIOPosix
import Scenario
import WSProtocol
import WSTransport

/// Runs scenarios through the real engine against the embedded echo server on loopback.
enum EngineSupport {
    static let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)

    static func scenario(_ yaml: String) throws -> Scenario {
        try ScenarioLoader().scenario(yaml: yaml)
    }

    static func startEcho() async throws -> EchoServer {
        try await EchoServer.start(configuration: EchoServerConfiguration(identity: "test"), group: group).get()
    }

    static func run(
        _ yaml: String,
        url: String,
        shard: Shard = .whole,
        stop: StopSignal = StopSignal()
    ) async throws -> RunOutcome {
        var plan = try RunPlan(scenario: try scenario(yaml), url: try WebSocketURL(url), shard: shard)
        plan.drainNanoseconds = 3_000_000_000
        return try await Coordinator(plan: plan, stop: stop).run(on: group)
    }

    /// Runs `yaml` against a fresh embedded echo server.
    static func runAgainstEcho(_ yaml: String, shard: Shard = .whole) async throws -> RunOutcome {
        let server = try await startEcho()
        defer { _ = server.stop() }
        return try await run(yaml, url: "ws://127.0.0.1:\(server.port)/", shard: shard)
    }
}

extension RunOutcome {
    var sent: UInt64 { self.totals[.messagesSent] }
    var received: UInt64 { self.totals[.messagesReceived] }
    var lost: UInt64 { self.totals[.messagesLost] }
}
