import NIOCore
import NIOPosix
import TestSupport
import Testing
import WSProtocol

@testable import WSTransport

/// Closes the socket as soon as it opens.
private final class AbortingDelegate: WebSocketDelegate {
    func webSocketDidOpen(_ socket: WebSocketHandler) { socket.abort() }
    func webSocket(_ socket: WebSocketHandler, didReceive message: Message, receivedAt: NIODeadline) {}
    func webSocket(_ socket: WebSocketHandler, didCloseWith outcome: CloseOutcome, at: NIODeadline) {}
}

@Suite("Connector dials the next address when TCP fails")
struct ConnectorFallbackTests {
    private func open(addresses: [SocketAddress], port: Int) async throws -> Result<ConnectionInfo, ConnectFailure> {
        var options = ConnectOptions(url: try WebSocketURL(parsing: "ws://example.test:\(port)/"))
        options.timeouts = PhaseTimeouts(all: .seconds(5))
        var random = SystemRandomNumberGenerator()
        let request = try UpgradeRequest(host: "example.test", port: port, isSecure: false, using: &random)
        let frozen = options
        let eventLoop = MultiThreadedEventLoopGroup.singleton.next()
        let future = eventLoop.flatSubmit {
            WebSocketConnector.open(
                request: request,
                options: frozen,
                addresses: addresses,
                timings: PhaseTimings(start: .now()),
                delegate: AbortingDelegate(),
                on: eventLoop
            )
        }
        do {
            return .success(try await future.get())
        } catch let failure as ConnectFailure {
            return .failure(failure)
        }
    }

    @Test("a refused first address falls back to the next, which opens")
    func fallsBack() async throws {
        let server = try await PythonWebSocketServer.start()
        defer { server.stop() }
        let reserved = try ReservedPort()
        let refused = try SocketAddress(ipAddress: "127.0.0.1", port: reserved.port)
        let listening = try SocketAddress(ipAddress: "127.0.0.1", port: server.port)
        let result = try await self.open(addresses: [refused, listening], port: server.port)
        let info = try result.get()
        #expect(info.remoteAddress == listening)
        #expect(info.resolvedAddresses == [refused, listening])
        withExtendedLifetime(reserved) {}
    }

    @Test("when every address refuses, the last one's failure is reported")
    func allRefuse() async throws {
        let reserved = (try ReservedPort(), try ReservedPort())
        let first = try SocketAddress(ipAddress: "127.0.0.1", port: reserved.0.port)
        let last = try SocketAddress(ipAddress: "127.0.0.1", port: reserved.1.port)
        let result = try await self.open(addresses: [first, last], port: 80)
        guard case .failure(let failure) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.error.code == "tcp.refused")
        #expect(failure.remoteAddress == last)
        #expect(failure.resolvedAddresses == [first, last])
        withExtendedLifetime(reserved) {}
    }
}
