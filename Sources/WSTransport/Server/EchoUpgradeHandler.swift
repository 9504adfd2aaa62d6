import NIOCore
import WSDeflate
import WSProtocol

/// The server side of the opening handshake for `EchoServer` (RFC 6455 §4.2).
///
/// Reads the request head incrementally under a size limit and a timeout, then either answers it over HTTP
/// (`/health`, a configured rejection, the connection limit, or the `UpgradeRequestError` for an invalid
/// request) and closes, or writes the 101 and replaces itself with a `WebSocketHandler` running the echo
/// session, handing over any bytes the client sent behind the head.
final class EchoUpgradeHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// The path answered 200 when requested without `Upgrade`, for HTTP health checks.
    static let healthPath = "/health"

    private enum State {
        /// Reading the request head.
        case awaitingHead
        /// The head was accepted; waiting out `delayUpgrade` before the 101.
        case delaying
        /// Answered over HTTP or upgraded; nothing more to read here.
        case done
    }

    private let settings: EchoServerSettings
    private let session: EchoSession
    private let loop: EchoLoopState
    private let admitted: Bool
    private var parser: UpgradeRequestParser
    private var buffer: ByteBuffer?
    private var state = State.awaitingHead
    private var timeout: Scheduled<Void>?

    /// - Parameter admitted: false when the connection limit was reached; the request is then answered 503.
    init(settings: EchoServerSettings, session: EchoSession, loop: EchoLoopState, admitted: Bool) {
        self.settings = settings
        self.session = session
        self.loop = loop
        self.admitted = admitted
        self.parser = UpgradeRequestParser(headLimit: settings.configuration.headLimit)
    }

    private var configuration: EchoServerConfiguration { self.settings.configuration }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { self.startTimeout(context: context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.timeout?.cancel()
        self.timeout = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        self.startTimeout(context: context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = Self.unwrapInboundIn(data)
        switch self.state {
        case .done:
            return
        case .delaying:
            // Frames sent before the 101 wait here; a client that sends more than one message's worth is cut off.
            self.buffer.setOrWriteBuffer(&bytes)
            if let buffered = self.buffer?.readableBytes, buffered > self.configuration.limits.maxMessageSize {
                self.state = .done
                self.buffer = nil
                context.close(promise: nil)
            }
        case .awaitingHead:
            self.buffer.setOrWriteBuffer(&bytes)
            self.parseHead(context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A reset or a TLS failure before the upgrade: nothing to answer.
        context.close(promise: nil)
    }

    // MARK: The request

    private func parseHead(context: ChannelHandlerContext) {
        guard var buffer = self.buffer else { return }
        let head: UpgradeRequestHead?
        do {
            head = try self.parser.parse(&buffer)
        } catch {
            self.buffer = nil
            self.refuse(error, context: context)
            return
        }
        self.buffer = buffer
        guard let head else { return }
        self.timeout?.cancel()
        self.timeout = nil
        self.answer(head, context: context)
    }

    private func answer(_ head: UpgradeRequestHead, context: ChannelHandlerContext) {
        if head.method == "GET", !head.headers.contains("Upgrade"), Self.path(of: head.target) == Self.healthPath {
            self.loop.counters.healthChecks += 1
            self.respond(status: 200, body: "ok \(self.configuration.identity)\n", context: context)
            return
        }
        guard self.admitted else {
            self.loop.counters.rejectedRequests += 1
            self.respond(status: 503, body: "This wsprobe target is at its connection limit.\n", context: context)
            return
        }
        if let rejection = self.configuration.misbehaviour.rejectWith {
            self.loop.counters.rejectedRequests += 1
            let body = rejection.body.isEmpty ? "Rejected by configuration (wsprobe serve --reject).\n" : rejection.body
            self.respond(status: rejection.status, body: body, context: context)
            return
        }
        let offer: ClientUpgradeOffer
        do {
            offer = try ClientUpgradeOffer(validating: head)
        } catch {
            self.refuse(error, context: context)
            return
        }
        let (response, compression) = self.negotiate(offer)
        if let delay = self.configuration.misbehaviour.delayUpgrade {
            self.state = .delaying
            let bound = NIOLoopBound((self, context, compression), eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: EchoServer.timeAmount(delay)) {
                let (handler, context, compression) = bound.value
                guard context.channel.isActive else { return }
                handler.upgrade(response, compression: compression, context: context)
            }
        } else {
            self.upgrade(response, compression: compression, context: context)
        }
    }

    /// The 101 for `offer` (RFC 6455 §4.2.2 item 5) and the compression context when deflate was agreed.
    private func negotiate(
        _ offer: ClientUpgradeOffer
    ) -> (SwitchingProtocolsResponse, (any MessageCompression)?) {
        var extensions: [WebSocketExtension] = []
        var compression: (any MessageCompression)?
        if let policy = self.configuration.deflate, let agreed = policy.respond(to: offer.extensions),
            let deflate = try? PerMessageDeflate(parameters: agreed.parameters, role: .server)
        {
            extensions.append(agreed.response)
            compression = deflate
        }
        let response = SwitchingProtocolsResponse(
            answering: offer,
            subprotocol: offer.selectSubprotocol(from: self.configuration.subprotocols),
            extensions: extensions,
            headers: self.settings.identityHeaders
        )
        return (response, compression)
    }

    private func upgrade(
        _ response: SwitchingProtocolsResponse,
        compression: (any MessageCompression)?,
        context: ChannelHandlerContext
    ) {
        self.state = .done
        var head = context.channel.allocator.buffer(capacity: 256)
        response.write(into: &head)
        context.write(Self.wrapOutboundOut(head), promise: nil)
        let socket = WebSocketHandler(
            role: .server,
            limits: self.configuration.limits,
            compression: compression,
            closeTimeout: self.configuration.closeTimeout,
            delegate: self.session
        )
        do {
            try context.pipeline.syncOperations.addHandler(socket, position: .after(self))
            try context.pipeline.syncOperations.addHandler(
                EchoReadCompleteHandler(session: self.session),
                position: .after(socket)
            )
        } catch {
            context.close(promise: nil)
            return
        }
        context.flush()
        self.session.webSocketDidOpen(socket)
        if let rest = self.buffer, rest.readableBytes > 0 {
            self.buffer = nil
            context.fireChannelRead(Self.wrapInboundOut(rest))
            context.fireChannelReadComplete()
        }
        self.buffer = nil
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    // MARK: HTTP answers

    private func refuse(_ error: UpgradeRequestError, context: ChannelHandlerContext) {
        self.loop.counters.rejectedRequests += 1
        var answer = context.channel.allocator.buffer(capacity: 512)
        error.writeResponse(into: &answer, extraHeaders: self.settings.identityHeaders)
        self.send(answer, context: context)
    }

    private func respond(status: Int, body: String, context: ChannelHandlerContext) {
        var answer = context.channel.allocator.buffer(capacity: 256 + body.utf8.count)
        EchoHTTPAnswer.write(status: status, body: body, headers: self.settings.identityHeaders, into: &answer)
        self.send(answer, context: context)
    }

    /// Writes a complete HTTP answer, then closes once it is on the wire.
    ///
    /// A lingering close: the output is shut first and what the client still sends is discarded until it
    /// closes (or `lingerTimeout` passes), so a client still writing its request reads the answer instead of a
    /// reset. Over TLS, which cannot half-close, the connection is closed at once.
    private func send(_ answer: ByteBuffer, context: ChannelHandlerContext) {
        self.state = .done
        let channel = context.channel
        let eventLoop = context.eventLoop
        context.writeAndFlush(Self.wrapOutboundOut(answer)).whenComplete { _ in
            channel.close(mode: .output).whenComplete { result in
                if case .failure = result {
                    channel.close(promise: nil)
                } else {
                    eventLoop.scheduleTask(in: Self.lingerTimeout) { channel.close(promise: nil) }
                }
            }
        }
    }

    /// How long a refused connection may keep sending after the answer: 2 s.
    static let lingerTimeout = TimeAmount.seconds(2)

    private func startTimeout(context: ChannelHandlerContext) {
        guard self.timeout == nil, self.state == .awaitingHead else { return }
        let channel = context.channel
        self.timeout = context.eventLoop.scheduleTask(in: self.configuration.handshakeTimeout) {
            channel.close(promise: nil)
        }
    }

    /// The path of a request target, without the query (RFC 9112 §3.2).
    private static func path(of target: String) -> Substring {
        target.prefix { $0 != "?" }
    }
}

@available(*, unavailable)
extension EchoUpgradeHandler: Sendable {}
