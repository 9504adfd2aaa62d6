import NIOCore
import NIOEmbedded
import ResultCodes
import Synchronization
import WSProtocol

@testable import LoadRunner
@testable import WSTransport

/// A `ConnectionFactory` whose connections reach an in-memory WebSocket server on the worker's
/// `EmbeddedEventLoop`: the client is the real `WebSocketHandler` on an `EmbeddedChannel`, the server a
/// server-role `ConnectionStateMachine` that echoes after a virtual delay, stays silent, or closes early.
/// Everything runs when the test advances the loop's time.
final class InMemoryPeerFactory: ConnectionFactory {
    enum Behaviour: Sendable {
        /// Echo every message after this delay.
        case echo(after: TimeAmount)
        /// Never answer.
        case silent
        /// Echo at once, then close with `code` after this many messages.
        case close(afterMessages: Int, code: UInt16)
    }

    let behaviour: Behaviour
    /// How long each upgrade takes (virtual time) before the socket opens.
    let upgradeDelay: TimeAmount
    private let arrivals = Mutex<[UInt64]>([])

    init(_ behaviour: Behaviour, upgradeDelay: TimeAmount = .zero) {
        self.behaviour = behaviour
        self.upgradeDelay = upgradeDelay
    }

    /// The instants (loop time) at which the server received each data message, over all connections.
    var messageInstants: [UInt64] { self.arrivals.withLock { $0 } }

    func noteMessage(at instant: UInt64) {
        self.arrivals.withLock { $0.append(instant) }
    }

    func connect(
        options: ConnectOptions,
        on loop: any EventLoop,
        delegate: any WebSocketDelegate
    ) -> EventLoopFuture<ConnectionInfo> {
        guard let embedded = loop as? EmbeddedEventLoop else {
            return loop.makeFailedFuture(ConnectError.closedDuring(phase: .tcp))
        }
        do {
            let address = try SocketAddress(ipAddress: "127.0.0.1", port: 9)
            let channel = EmbeddedChannel(loop: embedded)
            let server = ServerPeer(behaviour: self.behaviour, channel: channel, factory: self)
            let socket = WebSocketHandler(role: .client, delegate: delegate)
            try channel.pipeline.syncOperations.addHandler(server)
            try channel.pipeline.syncOperations.addHandler(socket)
            _ = channel.connect(to: address)
            let info = ConnectionInfo(
                resolvedAddresses: [address],
                remoteAddress: address,
                localAddress: nil,
                timings: PhaseTimings(start: loop.now),
                request: try UpgradeRequest(
                    host: "127.0.0.1",
                    port: 9,
                    isSecure: false,
                    key: "dGhlIHNhbXBsZSBub25jZQ=="
                ),
                response: NegotiatedUpgrade(
                    subprotocol: nil,
                    extensions: [],
                    head: UpgradeResponseHead(status: 101, reason: "Switching Protocols", headers: [:])
                ),
                tls: nil,
                deflate: nil
            )
            let promise = loop.makePromise(of: ConnectionInfo.self)
            let bound = NIOLoopBound(delegate, eventLoop: loop)
            let boundSocket = NIOLoopBound(socket, eventLoop: loop)
            // As the real connector: the future completes first, then the delegate hears of the open socket.
            loop.scheduleTask(in: self.upgradeDelay) {
                promise.succeed(info)
                bound.value.webSocketDidOpen(boundSocket.value)
            }
            return promise.futureResult
        } catch {
            return loop.makeFailedFuture(error)
        }
    }
}

/// The server end of one in-memory connection: reads what the client writes, answers per its behaviour.
final class ServerPeer: ChannelOutboundHandler {
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let behaviour: InMemoryPeerFactory.Behaviour
    private let channel: EmbeddedChannel
    private let factory: InMemoryPeerFactory
    private var machine = ConnectionStateMachine(role: .server, random: SystemRandomNumberGenerator())
    private var actions: [WSProtocol.ConnectionAction] = []
    private var messages = 0
    private var closing = false

    init(behaviour: InMemoryPeerFactory.Behaviour, channel: EmbeddedChannel, factory: InMemoryPeerFactory) {
        self.behaviour = behaviour
        self.channel = channel
        self.factory = factory
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        var bytes = Self.unwrapOutboundIn(data)
        promise?.succeed()
        var result = self.machine.receive(&bytes, into: &self.actions)
        while true {
            self.perform()
            guard result == .pausedAfterMessage else { break }
            result = self.machine.continueReceiving(into: &self.actions)
        }
    }

    func flush(context: ChannelHandlerContext) {}

    private func perform() {
        let actions = self.actions
        self.actions.removeAll(keepingCapacity: true)
        for action in actions {
            switch action {
            case .write(let bytes):
                self.deliver(bytes, after: .zero)
            case .deliver(let message):
                self.received(message)
            case .closeTransport:
                self.later(.zero) { $0.channel.close(promise: nil) }
            case .pongReceived, .startCloseTimer, .closed:
                break
            }
        }
    }

    private func received(_ message: Message) {
        self.factory.noteMessage(at: self.channel.embeddedEventLoop.now.uptimeNanoseconds)
        self.messages += 1
        switch self.behaviour {
        case .silent:
            break
        case .echo(let delay):
            self.later(delay) { $0.answer(message) }
        case .close(let limit, let code):
            self.answer(message)
            if self.messages >= limit, !self.closing {
                self.closing = true
                try? self.machine.close(code: CloseCode(rawValue: code), reason: "", into: &self.actions)
                self.perform()
            }
        }
    }

    private func answer(_ message: Message) {
        guard (try? self.machine.send(message, into: &self.actions)) != nil else { return }
        self.perform()
    }

    private func deliver(_ bytes: ByteBuffer, after delay: TimeAmount) {
        self.later(delay) { peer in
            guard peer.channel.isActive else { return }
            _ = try? peer.channel.writeInbound(bytes)
        }
    }

    private func later(_ delay: TimeAmount, _ body: @escaping (ServerPeer) -> Void) {
        let bound = NIOLoopBound(self, eventLoop: self.channel.embeddedEventLoop)
        let work = NIOLoopBound(body, eventLoop: self.channel.embeddedEventLoop)
        self.channel.embeddedEventLoop.scheduleTask(in: delay) { work.value(bound.value) }
    }
}
