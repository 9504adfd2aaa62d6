import NIOCore
import NIOPosix
import WSProtocol
import WSTransport

/// The built-in echo target that `check` (and later `run`) start on loopback when no URL is given, so the main
/// job works on a fresh machine with nothing to point at.
enum EmbeddedTarget {
    /// Starts an echo target on 127.0.0.1 (ephemeral port), runs `body` with its URL, and stops it.
    /// - Throws: `CommandFailure` with status 3 when the target cannot start, or whatever `body` throws.
    static func withEchoTarget<Result: Sendable>(
        subprotocols: [String] = [],
        _ body: (WebSocketURL) async throws -> Result
    ) async throws -> Result {
        let server: EchoServer
        do {
            server = try await EchoServer.start(
                configuration: EchoServerConfiguration(identity: "embedded", subprotocols: subprotocols),
                group: MultiThreadedEventLoopGroup.singleton
            ).get()
        } catch {
            throw CommandFailure(
                status: .couldNotStart,
                code: "embedded.start",
                message: "The built-in echo target could not start on 127.0.0.1: \(error)"
            )
        }
        let url = try WebSocketURL("ws://127.0.0.1:\(server.port)/")
        do {
            let result = try await body(url)
            try? await server.stop().get()
            return result
        } catch {
            try? await server.stop().get()
            throw error
        }
    }
}
