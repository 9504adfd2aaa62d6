import Foundation

/// The independent Python `websockets` client (`Tests/Peers/ws_client.py`), one mode per run, for the echo
/// server and ALB emulation tests.
package enum PythonWebSocketClient {
    /// Runs `ws_client.py MODE URI ARGS…`, killing it after `timeout` seconds, and decodes its JSON line.
    /// - Throws: `PythonWebSocketClient.Failure` when the client cannot run or exits non-zero.
    package static func run(
        _ mode: String,
        _ uri: String,
        _ arguments: [String] = [],
        timeout: Double = 30
    ) async throws -> Report {
        let run: ChildProcess.Captured
        do {
            run = try await ChildProcess.run(
                "/usr/bin/env",
                ["python3", try PeerFiles.script("ws_client.py"), mode, uri, "--timeout", "\(timeout)"] + arguments,
                timeout: .seconds(timeout + 10)
            )
        } catch {
            throw Failure(description: "ws_client.py \(mode): \(error)")
        }
        guard run.status == 0 else {
            throw Failure(description: "ws_client.py \(mode) exited \(run.status): \(run.error.suffix(2000))")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Report.self, from: Data(run.output))
    }

    /// What the client printed.
    package struct Report: Decodable, Sendable {
        package var status: Int?
        package var headers: [String: String]?
        package var subprotocol: String?
        package var extensions: [String]?
        package var text: String?
        package var binaryOk: Bool?
        package var bigOk: Bool?
        package var whoami: String?
        package var pong: Bool?
        package var closeCode: Int?
        package var body: String?
        package var code: Int?
        package var upgradeSeconds: Double?
        package var openSeconds: Double?
        package var echoed: Int?
        package var count: Int?
        package var codes: [Int]?
        package var closedBy: String?
        package var waitedSeconds: Double?
        package var identities: [String: Int]?
        package var statuses: [Int]?
    }

    /// Why the client gave no report.
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }
}
