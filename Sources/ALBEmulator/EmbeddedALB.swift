package import NIOCore
import NIOPosix
package import Scenario
import TLSOpenSSL
package import WSTransport

/// A small application load balancer on loopback, so ALB scenarios run with no load balancer: one
/// `EchoServer` per target (each naming itself in the identity header) behind a listener that routes each
/// upgrade request by ordered rules, forwards by weight, splices the bytes both ways, closes idle tunnels,
/// and drains, stops and restarts targets when the runner fires the scheduled events.
///
/// Sendable: every stored property is an immutable Sendable value.
package final class EmbeddedALB: Sendable {
    /// The configuration it runs with.
    package let configuration: EmbeddedALBConfiguration
    /// The address the ALB listens on (127.0.0.1, an ephemeral port).
    package let localAddress: SocketAddress
    private let listener: any Channel
    private let shared: ALBShared
    private let group: any EventLoopGroup

    private init(listener: any Channel, localAddress: SocketAddress, shared: ALBShared, group: any EventLoopGroup) {
        self.configuration = shared.configuration
        self.listener = listener
        self.localAddress = localAddress
        self.shared = shared
        self.group = group
    }

    /// The port the ALB listens on.
    package var port: Int { self.localAddress.port ?? 0 }

    /// `ws://127.0.0.1:PORT/` (`wss://` with a TLS listener), the URL clients connect to.
    package var url: String { "\(self.configuration.tls == nil ? "ws" : "wss")://127.0.0.1:\(self.port)/" }

    /// The ids of the targets the ALB would choose now.
    package func runningTargets() -> [String] {
        self.shared.pool.running(among: self.configuration.embedded.targets.map(\.id)).map(\.id)
    }

    /// The counters of target `id`'s running echo server (upgrades, open connections, echoes); `nil` when it
    /// does not run.
    package func counters(of id: String) async throws -> EchoServerCounters? {
        try await self.shared.pool.server(id)?.counters().get()
    }

    /// Open channels on either side of the ALB (zero once `stop()` returned).
    package var openChannels: Int { self.shared.registry.openCount }

    /// Starts every target's echo server and the ALB listener, all on 127.0.0.1 with ephemeral ports.
    /// - Throws: `EmbeddedALBError` when the configuration is invalid or something cannot bind; whatever
    ///   started is stopped again first.
    package static func start(
        configuration: EmbeddedALBConfiguration,
        group: any EventLoopGroup
    ) async throws
        -> EmbeddedALB
    {
        try configuration.validate()
        let tls = try Self.tlsContext(configuration.tls)
        let shared = ALBShared(
            configuration: configuration,
            pool: ALBTargetPool(targets: configuration.embedded.targets),
            registry: ALBChannelRegistry()
        )
        do {
            for target in configuration.embedded.targets {
                try await Self.startTarget(target.id, shared: shared, group: group)
            }
            let listener = try await Self.bind(shared: shared, tls: tls, group: group)
            guard let address = listener.localAddress else {
                try? await listener.close()
                throw EmbeddedALBError.bind(reason: "the listener has no local address")
            }
            return EmbeddedALB(listener: listener, localAddress: address, shared: shared, group: group)
        } catch {
            for server in shared.pool.close() { await server.close() }
            throw error
        }
    }

    /// Carries out `event` now: `drain` stops choosing the target and drains its echo server gracefully (each
    /// WebSocket answers what it has read, then closes with 1001 right after an answer; see
    /// `EchoServer.drain(grace:)`), `stop` aborts its connections (clients see 1006), `start` starts a new echo
    /// server for it if none runs.
    /// - Throws: `EmbeddedALBError` for an unknown target or a target that cannot start.
    package func perform(_ event: EmbeddedTargets.Event) async throws {
        guard self.configuration.embedded.targets.contains(where: { $0.id == event.target }) else {
            throw EmbeddedALBError.configuration("an event names unknown target '\(event.target)'")
        }
        switch event.action {
        case .drain:
            try? await self.shared.pool.withdraw(event.target)?.drain().get()
        case .stop:
            try? await self.shared.pool.withdraw(event.target)?.abort().get()
        case .start:
            guard !self.shared.pool.isRunning(event.target) else { return }
            try await Self.startTarget(event.target, shared: self.shared, group: self.group)
        }
    }

    /// Fires the configured events at their times after `start` (the start of the run), in time order, and
    /// returns what was done when; returns early, with the events done so far, when the task is cancelled.
    package func runEvents(
        from start: ContinuousClock.Instant = .now,
        clock: ContinuousClock = ContinuousClock()
    ) async -> [ALBEventOutcome] {
        var outcomes: [ALBEventOutcome] = []
        for event in self.configuration.embedded.events.sorted(by: { $0.at < $1.at }) {
            do {
                try await Task.sleep(until: start + event.at, clock: clock)
            } catch {
                break
            }
            let performedAt = clock.now - start
            do {
                try await self.perform(event)
                outcomes.append(ALBEventOutcome(event: event, performedAt: performedAt))
            } catch {
                outcomes.append(ALBEventOutcome(event: event, performedAt: performedAt, failure: "\(error)"))
            }
        }
        return outcomes
    }

    /// Stops listening, closes every tunnel and client connection, and stops every target; returns once all
    /// of them have closed (each echo server bounds its close handshakes by its close timeout).
    package func stop() async {
        try? await self.listener.close()
        for closing in self.shared.registry.closeAll() { try? await closing.get() }
        for server in self.shared.pool.close() { await server.close() }
    }

    private static func startTarget(_ id: String, shared: ALBShared, group: any EventLoopGroup) async throws {
        let server: EchoServer
        do {
            server = try await EchoServer.start(
                configuration: shared.configuration.echoConfiguration(for: id),
                group: group
            ).get()
        } catch {
            throw EmbeddedALBError.target(id: id, reason: "\(error)")
        }
        if let replaced = shared.pool.install(server, for: id) { await replaced.close() }
    }

    private static func tlsContext(_ files: EchoServerTLS?) throws(EmbeddedALBError) -> TLSContext? {
        guard let files else { return nil }
        do {
            return try TLSContext(
                configuration: .server(certificateChainFile: files.certificateChainFile, keyFile: files.keyFile)
            )
        } catch {
            throw EmbeddedALBError.configuration("the listener's TLS files cannot be used: \(error)")
        }
    }

    private static func bind(shared: ALBShared, tls: TLSContext?, group: any EventLoopGroup) async throws -> any Channel
    {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: EchoServerConfiguration.defaultBacklog)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                shared.registry.register(channel)
                return channel.eventLoop.makeCompletedFuture {
                    if let tls { try channel.pipeline.syncOperations.addHandler(TLSServerHandler(context: tls)) }
                    try channel.pipeline.syncOperations.addHandler(ALBFrontHandler(shared: shared))
                }
            }
        do {
            return try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        } catch {
            throw EmbeddedALBError.bind(reason: "\(error)")
        }
    }
}
