import Foundation
import NIOCore
import NIOPosix
import TestSupport
import Testing
import WSTransport

/// What `Fixtures/ws_client.py` (Python `websockets`, an independent client) printed.
struct ServerClientReport: Decodable, Sendable {
    var status: Int?
    var headers: [String: String]?
    var subprotocol: String?
    var extensions: [String]?
    var text: String?
    var binaryOk: Bool?
    var bigOk: Bool?
    var whoami: String?
    var pong: Bool?
    var closeCode: Int?
    var body: String?
    var code: Int?
    var upgradeSeconds: Double?
    var openSeconds: Double?
    var echoed: Int?
    var count: Int?
    var codes: [Int]?
    var closedBy: String?
    var waitedSeconds: Double?
    var identities: [String: Int]?
    var statuses: [Int]?
}

/// Why the Python client gave no report.
struct ServerClientFailure: Error, CustomStringConvertible {
    var description: String
}

/// Runs the Python client fixture and starts echo servers on loopback for the server tests.
enum ServerTestHarness {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/ws_client.py").path

    /// Runs `ws_client.py MODE URI ARGS…`, killing it after `timeout` seconds, and decodes its JSON line.
    static func client(
        _ mode: String,
        _ uri: String,
        _ arguments: [String] = [],
        timeout: Double = 30
    ) async throws -> ServerClientReport {
        let run: ChildProcess.Captured
        do {
            run = try await ChildProcess.run(
                "/usr/bin/env",
                ["python3", script, mode, uri, "--timeout", "\(timeout)"] + arguments,
                timeout: .seconds(timeout + 10)
            )
        } catch {
            throw ServerClientFailure(description: "ws_client.py \(mode): \(error)")
        }
        guard run.status == 0 else {
            throw ServerClientFailure(
                description: "ws_client.py \(mode) exited \(run.status): \(run.error.suffix(2000))"
            )
        }
        let data = Data(run.output)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ServerClientReport.self, from: data)
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
