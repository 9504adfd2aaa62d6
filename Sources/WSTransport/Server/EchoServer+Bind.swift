import NIOCore
import NIOPosix
import TLSOpenSSL

extension EchoServer {
    /// Binds the listener with a pipeline of [TLS] → upgrade handler per connection.
    static func bind(
        configuration: EchoServerConfiguration,
        group: any EventLoopGroup,
        tls: TLSContext?,
        loops: [ObjectIdentifier: NIOLoopBound<EchoLoopState>]
    ) -> EventLoopFuture<EchoServer> {
        let settings = EchoServerSettings(configuration: configuration)
        let gate = EchoConnectionGate()
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: configuration.backlog)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    guard let loop = loops[ObjectIdentifier(channel.eventLoop)]?.value else {
                        throw EchoServerError.configuration("a connection arrived on an event loop outside the group")
                    }
                    let admitted = gate.enter(limit: configuration.maxConnections)
                    let session = EchoSession(channel: channel, settings: settings, loop: loop)
                    let key = ObjectIdentifier(session)
                    loop.sessions[key] = session
                    loop.counters.totalConnections += 1
                    loop.counters.openConnections += 1
                    channel.closeFuture.assumeIsolated().whenComplete { _ in
                        loop.sessions[key] = nil
                        loop.counters.openConnections -= 1
                        if admitted { gate.leave() }
                    }
                    let sync = channel.pipeline.syncOperations
                    if let tls {
                        try sync.addHandler(TLSServerHandler(context: tls))
                    }
                    try sync.addHandler(
                        EchoUpgradeHandler(settings: settings, session: session, loop: loop, admitted: admitted)
                    )
                }
            }
        let eventLoop = group.next()
        let bound: EventLoopFuture<any Channel>
        do {
            bound = bootstrap.bind(
                to: try SocketAddress.makeAddressResolvingHost(configuration.host, port: configuration.port)
            )
        } catch {
            return eventLoop.makeFailedFuture(
                EchoServerError.bind(host: configuration.host, port: configuration.port, reason: "\(error)")
            )
        }
        return bound.flatMapErrorThrowing { error in
            throw EchoServerError.bind(host: configuration.host, port: configuration.port, reason: "\(error)")
        }.flatMapThrowing { listener in
            guard let address = listener.localAddress else {
                listener.close(promise: nil)
                throw EchoServerError.bind(
                    host: configuration.host,
                    port: configuration.port,
                    reason: "the listener has no local address"
                )
            }
            return EchoServer(configuration: configuration, listener: listener, localAddress: address, loops: loops)
        }
    }
}
