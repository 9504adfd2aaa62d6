import NIOCore
import NIOPosix
import Scenario
import WSProtocol
import WSTransport

/// The client side of the emulated ALB: reads the request head (bounded in size and time), lets the rules
/// decide, and either answers (STATIC, REDIRECT, 404, 503, 502, 504) or connects to the chosen target on the
/// same event loop and hands the connection pair over to two `ALBGlueHandler`s.
///
/// Event-loop-bound: created in the child channel initializer and touched only on the channel's loop.
final class ALBFrontHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = NIOAny
    typealias OutboundOut = ByteBuffer

    private enum State {
        /// Collecting the request head.
        case readingHead
        /// Connecting to a target; bytes the client sends meanwhile wait in `pending`.
        case connecting
        /// Answered (or closed); further bytes are dropped.
        case finished
    }

    private let shared: ALBShared
    private var state = State.readingHead
    private var parser: UpgradeRequestParser
    private var buffer: ByteBuffer?
    private var pending: ByteBuffer?
    private var headTimer: Scheduled<Void>?

    init(shared: ALBShared) {
        self.shared = shared
        self.parser = UpgradeRequestParser(headLimit: shared.configuration.headLimit)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        self.headTimer = context.eventLoop.scheduleTask(in: self.shared.configuration.headTimeout) {
            let (handler, context) = bound.value
            guard case .readingHead = handler.state else { return }
            handler.answer(status: 408, body: "no complete request head in time\n", context: context)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.headTimer?.cancel()
        self.headTimer = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.state = .finished
        self.headTimer?.cancel()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.state = .finished
        context.close(promise: nil)
    }

    func read(context: ChannelHandlerContext) {
        // While connecting, reads are held back; the client glue asks again once the tunnel stands.
        if case .connecting = self.state { return }
        context.read()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = Self.unwrapInboundIn(data)
        switch self.state {
        case .readingHead:
            if self.buffer == nil {
                self.buffer = bytes
            } else {
                self.buffer?.writeBuffer(&bytes)
            }
            self.parseHead(context: context)
        case .connecting:
            if self.pending == nil {
                self.pending = bytes
            } else {
                self.pending?.writeBuffer(&bytes)
            }
            // A client waits for the 101 (RFC 6455 §4.1); one that keeps sending past a head's worth is cut.
            if (self.pending?.readableBytes ?? 0) > self.shared.configuration.headLimit {
                self.state = .finished
                context.close(promise: nil)
            }
        case .finished:
            break
        }
    }

    private func parseHead(context: ChannelHandlerContext) {
        guard var buffer = self.buffer else { return }
        // Getters only reach readable bytes, so keep a copy (copy-on-write: no bytes copied) to slice the head.
        let unparsed = buffer
        let head: UpgradeRequestHead?
        do {
            head = try self.parser.parse(&buffer)
        } catch {
            self.buffer = nil
            switch error {
            case .headTooLarge: self.answer(status: 431, body: "request head too large\n", context: context)
            default: self.answer(status: 400, body: "malformed request head\n", context: context)
            }
            return
        }
        guard let head else {
            self.buffer = buffer
            return
        }
        self.headTimer?.cancel()
        self.headTimer = nil
        let raw =
            unparsed.getSlice(at: unparsed.readerIndex, length: buffer.readerIndex - unparsed.readerIndex)
            ?? ByteBuffer()
        self.buffer = nil
        self.pending = buffer.readableBytes > 0 ? buffer : nil
        self.route(ALBRequest(head: head), raw: raw, context: context)
    }

    private func route(_ request: ALBRequest, raw: ByteBuffer, context: ChannelHandlerContext) {
        let embedded = self.shared.configuration.embedded
        switch ALBRouter.decide(request, rules: embedded.rules, targets: embedded.targets) {
        case .noRule:
            self.answer(status: 404, body: "no rule matched\n", context: context)
        case .status(let rule, let code):
            self.answer(status: code, body: "rule \(rule ?? "(unnamed)") answered \(code)\n", context: context)
        case .redirect(_, let location):
            self.answer(status: 301, body: "moved to \(location)\n", location: location, context: context)
        case .forward(_, let ids):
            var generator = SystemRandomNumberGenerator()
            let running = self.shared.pool.running(among: ids)
            guard let target = ALBRouter.pick(running, weight: \.weight, using: &generator) else {
                self.answer(status: 503, body: "no running target in the group\n", context: context)
                return
            }
            self.connect(to: target, head: self.forwardedHead(raw, context: context), context: context)
        }
    }

    /// The head as received, with `X-Forwarded-For: <client address>` added before its empty line.
    private func forwardedHead(_ raw: ByteBuffer, context: ChannelHandlerContext) -> ByteBuffer {
        var head = raw
        let view = head.readableBytesView
        // The head ends with an empty line: CRLF, or a bare LF (RFC 9112 §2.2); drop it, add a field, end again.
        let terminator = view.count >= 4 && view.suffix(4).elementsEqual("\r\n\r\n".utf8) ? 2 : 1
        head.moveWriterIndex(to: max(head.readerIndex, head.writerIndex - terminator))
        let client = context.channel.remoteAddress?.ipAddress ?? "unknown"
        head.writeString("X-Forwarded-For: \(client)\r\n\r\n")
        return head
    }

    private func connect(to target: ALBTargetPool.Running, head: ByteBuffer, context: ChannelHandlerContext) {
        self.state = .connecting
        let tunnel = ALBTunnel(idleTimeout: self.shared.configuration.idleTimeout, eventLoop: context.eventLoop)
        let targetGlue = NIOLoopBound(ALBGlueHandler(tunnel: tunnel), eventLoop: context.eventLoop)
        let registry = self.shared.registry
        let connecting = ClientBootstrap(group: context.eventLoop)
            .connectTimeout(self.shared.configuration.connectTimeout)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                registry.register(channel)
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(targetGlue.value)
                }
            }
            .connect(host: "127.0.0.1", port: target.port)
        connecting.assumeIsolated().whenComplete { result in
            switch result {
            case .success(let channel):
                self.splice(context: context, target: channel, glue: targetGlue.value, tunnel: tunnel, head: head)
            case .failure(let error):
                guard case .connecting = self.state else { return }
                if let channelError = error as? ChannelError, case .connectTimeout = channelError {
                    self.answer(status: 504, body: "target \(target.id) did not accept in time\n", context: context)
                } else {
                    self.answer(status: 502, body: "target \(target.id) refused the connection\n", context: context)
                }
            }
        }
    }

    private func splice(
        context: ChannelHandlerContext,
        target: any Channel,
        glue targetGlue: ALBGlueHandler,
        tunnel: ALBTunnel,
        head: ByteBuffer
    ) {
        guard case .connecting = self.state, context.channel.isActive else {
            target.close(promise: nil)
            return
        }
        self.state = .finished
        let client = context.channel
        let clientGlue = ALBGlueHandler(tunnel: tunnel)
        ALBGlueHandler.join(clientGlue, targetGlue)
        tunnel.start(client: client, target: target)
        target.write(head, promise: nil)
        if let pending = self.pending { target.write(pending, promise: nil) }
        self.pending = nil
        target.flush()
        do {
            let pipeline = client.pipeline.syncOperations
            try pipeline.addHandler(clientGlue, position: .after(self))
        } catch {
            tunnel.end()
            return
        }
        targetGlue.resume()
        let removed = context.eventLoop.makePromise(of: Void.self)
        client.pipeline.syncOperations.removeHandler(self, promise: removed)
        removed.futureResult.assumeIsolated().whenComplete { _ in clientGlue.resume() }
    }

    private func answer(status: Int, body: String, location: String? = nil, context: ChannelHandlerContext) {
        self.state = .finished
        self.headTimer?.cancel()
        self.headTimer = nil
        var headers: HTTPHeaderFields = ["Server": "wsprobe-alb"]
        if let location { headers.append(name: "Location", value: location) }
        var answer = context.channel.allocator.buffer(capacity: 256)
        EchoHTTPAnswer.write(status: status, body: body, headers: headers, into: &answer)
        context.writeAndFlush(Self.wrapOutboundOut(answer)).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}

@available(*, unavailable)
extension ALBFrontHandler: Sendable {}
