import NIOCore
import NIOPosix
import Synchronization

/// A tiny TCP forwarder on 127.0.0.1 for tests: every accepted connection is piped byte for byte to the
/// backend port current at accept time. Switching the backend leaves established connections where they
/// are, as a load balancer does when a target is deregistered and drained.
final class TestForwarder: Sendable {
    private let listener: any Channel
    private let backend: BackendPort

    /// The port clients connect to.
    let port: Int

    private init(listener: any Channel, backend: BackendPort) {
        self.listener = listener
        self.backend = backend
        self.port = listener.localAddress?.port ?? 0
    }

    /// Starts forwarding to `backendPort` on `group`.
    static func start(to backendPort: Int, group: any EventLoopGroup) async throws -> TestForwarder {
        let backend = BackendPort(backendPort)
        let listener = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                let port = backend.current
                return ClientBootstrap(group: child.eventLoop)
                    .connect(host: "127.0.0.1", port: port)
                    .flatMapThrowing { upstream in
                        let (inbound, outbound) = GlueHandler.matchedPair()
                        try child.pipeline.syncOperations.addHandler(inbound)
                        try upstream.pipeline.syncOperations.addHandler(outbound)
                    }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return TestForwarder(listener: listener, backend: backend)
    }

    /// Forwards connections accepted from now on to `port`.
    func switchBackend(to port: Int) {
        self.backend.set(port)
    }

    /// Stops accepting connections (established ones end with their backend).
    func stop() async {
        try? await self.listener.close()
    }
}

/// The backend port, shared with the accept path.
private final class BackendPort: Sendable {
    private let port: Atomic<Int>

    init(_ port: Int) {
        self.port = Atomic(port)
    }

    var current: Int { self.port.load(ordering: .acquiring) }

    func set(_ port: Int) {
        self.port.store(port, ordering: .releasing)
    }
}

/// One half of a pair that copies reads of its channel into the partner's channel (swift-nio's
/// connect-proxy example, reduced): both channels live on the same event loop.
private final class GlueHandler: ChannelDuplexHandler {
    typealias InboundIn = NIOAny
    typealias OutboundIn = NIOAny
    typealias OutboundOut = NIOAny

    private var partner: GlueHandler?
    private var context: ChannelHandlerContext?
    private var pendingRead = false

    static func matchedPair() -> (GlueHandler, GlueHandler) {
        let first = GlueHandler()
        let second = GlueHandler()
        first.partner = second
        second.partner = first
        return (first, second)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        self.partner = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.partner?.context?.write(data, promise: nil)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        self.partner?.context?.flush()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.partner?.context?.close(promise: nil)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        guard context.channel.isWritable, let partner = self.partner, partner.pendingRead else { return }
        partner.pendingRead = false
        partner.context?.read()
    }

    func read(context: ChannelHandlerContext) {
        if let partner = self.partner, partner.context?.channel.isWritable == false {
            self.pendingRead = true
        } else {
            context.read()
        }
    }
}

@available(*, unavailable)
extension GlueHandler: Sendable {}
