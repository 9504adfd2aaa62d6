import Foundation
import NIOCore
import NIOPosix
import TestSupport
import Testing
import WSTransport

/// Runs the Python client (`Tests/Peers/ws_client.py`) and starts echo servers on loopback for the server tests.
enum ServerTestHarness {
    /// Runs `ws_client.py MODE URI ARGS…` (see `PythonWebSocketClient.run`).
    static func client(
        _ mode: String,
        _ uri: String,
        _ arguments: [String] = [],
        timeout: Double = 30
    ) async throws -> PythonWebSocketClient.Report {
        try await PythonWebSocketClient.run(mode, uri, arguments, timeout: timeout)
    }

    /// Starts a server on an ephemeral loopback port.
    static func start(_ configuration: EchoServerConfiguration = .init(identity: "t1")) async throws -> EchoServer {
        try await EchoServer.start(configuration: configuration, group: MultiThreadedEventLoopGroup.singleton).get()
    }

    /// Polls the counters until `condition` holds, for at most `seconds`.
    static func waitUntil(
        _ server: EchoServer,
        seconds: Double = 30,
        _ condition: (EchoServerCounters) -> Bool
    ) async throws -> EchoServerCounters {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while true {
            let counters = try await server.counters().get()
            if condition(counters) || ContinuousClock.now > deadline { return counters }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

extension EchoServer {
    /// `ws://127.0.0.1:PORT/`.
    var wsURL: String { "ws://127.0.0.1:\(self.port)/" }
}
