package import NIOCore
import ResultCodes
import WSProtocol
package import WSTransport

/// Opens one WebSocket for a routing check, records the upgrade answer (and identity message) and closes it.
package enum RouteProbe {
    /// Connects with `options` on one loop of `group`; never throws. Waits for the close so that weight
    /// checks with bounded concurrency really hold at most that many connections.
    package static func observe(
        _ options: ConnectOptions,
        identity reader: RouteIdentity,
        on group: any EventLoopGroup
    ) async -> RouteObservation {
        let loop = group.next()
        let closed = loop.makePromise(of: String?.self)
        let connected = loop.flatSubmit {
            WebSocketConnector.connect(
                options: options,
                on: loop,
                delegate: RouteProbeSession(reader: reader, closed: closed)
            )
        }
        do {
            let info = try await connected.get()
            let identity = (try? await closed.futureResult.get()) ?? nil
            return .upgraded(headers: info.response.headers, messageIdentity: identity)
        } catch let failure as ConnectFailure {
            closed.succeed(nil)
            if case .handshake(.unexpectedStatus(let status, _, let headers, _)) = failure.error {
                return .status(status, headers: headers)
            }
            return .failed(code: failure.error.code, message: failure.error.description)
        } catch {
            closed.succeed(nil)
            return .failed(code: ErrorCode.internalError.rawValue, message: "\(error)")
        }
    }
}
