import ALBEmulator
import NIOCore
import NIOPosix
import ResultCodes
import Scenario
import WSProtocol
import WSTransport

/// The built-in targets that `check` and `run` start on loopback when no URL is given, so the main job works
/// on a fresh machine with nothing to point at: one echo target, or several behind the ALB emulation.
enum EmbeddedTarget {
    /// Starts an echo target on 127.0.0.1 (ephemeral port), runs `body` with its URL, and stops it.
    /// - Parameter tls: serve `wss://` with these files instead of `ws://`.
    /// - Throws: `CommandFailure` with status 3 when the target cannot start, or whatever `body` throws.
    static func withEchoTarget<Result: Sendable>(
        subprotocols: [String] = [],
        tls: EchoServerTLS? = nil,
        _ body: (WebSocketURL) async throws -> Result
    ) async throws -> Result {
        let server: EchoServer
        do {
            server = try await EchoServer.start(
                configuration: EchoServerConfiguration(identity: "embedded", subprotocols: subprotocols, tls: tls),
                group: MultiThreadedEventLoopGroup.singleton
            ).get()
        } catch {
            throw CommandFailure(
                status: .couldNotStart,
                code: .embeddedStart,
                message: "The built-in echo target could not start on 127.0.0.1: \(error)"
            )
        }
        let url = try WebSocketURL("\(tls == nil ? "ws" : "wss")://127.0.0.1:\(server.port)/")
        do {
            let result = try await body(url)
            try? await server.stop().get()
            return result
        } catch {
            try? await server.stop().get()
            throw error
        }
    }

    /// Starts the ALB emulation of `embedded` (its targets and rules) on 127.0.0.1, runs `body` with its URL
    /// and the running emulation (for the events), and stops everything afterwards, also when `body` throws.
    /// - Parameter tls: the listener's certificate when `embedded.tls` asks for a `wss://` listener.
    /// - Throws: `CommandFailure` with status 3 when the emulation cannot start, or whatever `body` throws.
    static func withALB<Result: Sendable>(
        _ embedded: EmbeddedTargets,
        subprotocols: [String] = [],
        tls: EchoServerTLS? = nil,
        _ body: (WebSocketURL, EmbeddedALB) async throws -> Result
    ) async throws -> Result {
        let alb: EmbeddedALB
        do {
            alb = try await EmbeddedALB.start(
                configuration: EmbeddedALBConfiguration(embedded, subprotocols: subprotocols, tls: tls),
                group: MultiThreadedEventLoopGroup.singleton
            )
        } catch let error as EmbeddedALBError {
            throw CommandFailure(status: .couldNotStart, code: error.code, message: error.description)
        }
        do {
            let result = try await body(try WebSocketURL(alb.url), alb)
            await alb.stop()
            return result
        } catch {
            await alb.stop()
            throw error
        }
    }
}
