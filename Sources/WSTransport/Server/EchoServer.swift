package import NIOCore
import NIOPosix
import TLSOpenSSL

/// The WebSocket echo target behind `wsprobe serve`: echoes text and binary, answers `whoami` with its
/// identity, reports the identity in a header on the 101, and misbehaves on request.
///
/// Each connection lives on one event loop of the group; counters and the connection registry are per loop,
/// so the message path takes no lock. Sendable: every stored property is an immutable Sendable value.
package final class EchoServer: Sendable {
    /// The configuration the server runs with (`port` as configured; the bound one is `port`).
    package let configuration: EchoServerConfiguration
    /// The address the listener is bound to.
    package let localAddress: SocketAddress
    let listener: any Channel
    let loops: [ObjectIdentifier: NIOLoopBound<EchoLoopState>]

    init(
        configuration: EchoServerConfiguration,
        listener: any Channel,
        localAddress: SocketAddress,
        loops: [ObjectIdentifier: NIOLoopBound<EchoLoopState>]
    ) {
        self.configuration = configuration
        self.listener = listener
        self.localAddress = localAddress
        self.loops = loops
    }

    /// The bound port (the ephemeral one when `configuration.port` was 0).
    package var port: Int { self.localAddress.port ?? self.configuration.port }

    /// Binds and starts listening.
    ///
    /// - Returns: a future for the running server; it fails with `EchoServerError` when the TLS files cannot
    ///   be used, a configuration value is out of range, or the address cannot be bound.
    package static func start(
        configuration: EchoServerConfiguration,
        group: any EventLoopGroup
    ) -> EventLoopFuture<EchoServer> {
        let eventLoop = group.next()
        let tls: TLSContext?
        do {
            try configuration.validate()
            tls = try configuration.tls.map { files throws(TLSError) in
                try TLSContext(
                    configuration: .server(
                        certificateChainFile: files.certificateChainFile,
                        keyFile: files.keyFile,
                        clientCAFile: files.clientCAFile
                    )
                )
            }
        } catch let error as TLSError {
            return eventLoop.makeFailedFuture(EchoServerError.tls(code: error.errorCode, reason: error.description))
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
        let loopStates = group.makeIterator().map { loop in
            loop.submit { (ObjectIdentifier(loop), NIOLoopBound(EchoLoopState(), eventLoop: loop)) }
        }
        return EventLoopFuture.whenAllSucceed(loopStates, on: eventLoop).flatMap { pairs in
            let loops = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
            return Self.bind(configuration: configuration, group: group, tls: tls, loops: loops)
        }
    }

    /// The counters summed over every event loop (each loop reads its own share).
    package func counters() -> EventLoopFuture<EchoServerCounters> {
        let shares = self.loops.values.map { bound in
            bound.eventLoop.submit { bound.value.counters }
        }
        return EventLoopFuture.reduce(into: EchoServerCounters(), shares, on: self.listener.eventLoop) { total, share in
            total.add(share)
        }
    }

    /// Stops listening and closes every connection: upgraded ones with close code 1001 (going away), others by
    /// ending TCP. Completes when every connection has ended (bounded by `closeTimeout` per connection).
    package func stop() -> EventLoopFuture<Void> {
        self.endSessions { $0.goAway() }
    }

    /// Stops listening, calls `end` for every open connection on its loop, and completes when every connection
    /// has closed.
    func endSessions(_ end: @escaping @Sendable (EchoSession) -> Void) -> EventLoopFuture<Void> {
        let eventLoop = self.listener.eventLoop
        let loops = Array(self.loops.values)
        return self.listener.close().recover { _ in }.flatMap {
            let closing = loops.map { bound in
                bound.eventLoop.submit {
                    // A copy: closing a channel may remove its session from the registry at once.
                    let sessions = Array(bound.value.sessions.values)
                    return sessions.map { session in
                        end(session)
                        return session.channel.closeFuture
                    }
                }
            }
            return EventLoopFuture.whenAllSucceed(closing, on: eventLoop)
        }.flatMap { closeFutures in
            EventLoopFuture.whenAllComplete(closeFutures.flatMap { $0 }, on: eventLoop).map { _ in }
        }
    }
}
