package import NIOCore
import WSProtocol
package import WSTransport

/// Opens one WebSocket for a routing check, records the upgrade answer and closes it again.
package enum RouteProbe {
    /// Connects with `options` on one loop of `group`; never throws. Waits for the close so that weight
    /// checks with bounded concurrency really hold at most that many connections.
    package static func observe(_ options: ConnectOptions, on group: any EventLoopGroup) async -> RouteObservation {
        let loop = group.next()
        let closed = loop.makePromise(of: Void.self)
        let connected = loop.flatSubmit {
            WebSocketConnector.connect(options: options, on: loop, delegate: RouteProbeSession(closed: closed))
        }
        do {
            let info = try await connected.get()
            _ = try? await closed.futureResult.get()
            return .upgraded(headers: info.response.headers)
        } catch let failure as ConnectFailure {
            closed.succeed(())
            if case .handshake(.unexpectedStatus(let status, _, let headers, _)) = failure.error {
                return .status(status, headers: headers)
            }
            return .failed(code: failure.error.code, message: failure.error.description)
        } catch {
            closed.succeed(())
            return .failed(code: "internal", message: "\(error)")
        }
    }
}
