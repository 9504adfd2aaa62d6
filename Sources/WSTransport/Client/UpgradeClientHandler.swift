import NIOCore
import ResultCodes
import TLSOpenSSL
import WSDeflate
import WSProtocol

/// Writes the upgrade request once the transport (and TLS) is up, reads and validates the response, and on a
/// valid 101 replaces itself with a `WebSocketHandler`.
///
/// It stamps the TCP, TLS and upgrade marks on the event loop as the events arrive, runs the TLS and upgrade
/// timeouts, and turns every way this can fail into one `ConnectFailure` with the phase it failed in.
final class UpgradeClientHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private enum State {
        case awaitingTransport
        case awaitingTLS
        case awaitingResponse
        case done
    }

    private var state = State.awaitingTransport
    private var handshake: ClientHandshake
    private var cumulation: ByteBuffer?
    private var timings: PhaseTimings
    private var tlsInfo: TLSSessionInfo?
    private var timer: Scheduled<Void>?
    private let options: ConnectOptions
    private let resolvedAddresses: [SocketAddress]
    private let promise: EventLoopPromise<ConnectionInfo>
    private var delegate: (any WebSocketDelegate)?

    init(
        request: UpgradeRequest,
        options: ConnectOptions,
        timings: PhaseTimings,
        resolvedAddresses: [SocketAddress],
        delegate: any WebSocketDelegate,
        promise: EventLoopPromise<ConnectionInfo>
    ) {
        self.handshake = ClientHandshake(request: request, requireSubprotocol: options.requireSubprotocol)
        self.options = options
        self.timings = timings
        self.resolvedAddresses = resolvedAddresses
        self.delegate = delegate
        self.promise = promise
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive {
            self.transportUp(context: context)
        }
    }

    func channelActive(context: ChannelHandlerContext) {
        self.transportUp(context: context)
        context.fireChannelActive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let completed = event as? TLSHandshakeCompleted, case .awaitingTLS = self.state {
            self.timings.tlsDone = .now()
            self.tlsInfo = completed.info
            self.writeRequest(context: context)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .awaitingResponse = self.state else { return }
        var bytes = Self.unwrapInboundIn(data)
        if self.cumulation == nil {
            self.cumulation = bytes
        } else {
            self.cumulation?.writeBuffer(&bytes)
        }
        guard var buffer = self.cumulation else { return }
        do {
            let step = try self.handshake.receive(&buffer)
            self.cumulation = buffer
            if case .upgraded(let negotiated) = step {
                self.upgraded(context: context, negotiated: negotiated, leftover: buffer)
            }
        } catch {
            self.fail(context: context, .handshake(error))
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        switch self.state {
        case .awaitingTransport:
            self.fail(context: context, .closedDuring(phase: .tcp))
        case .awaitingTLS:
            self.fail(context: context, .closedDuring(phase: .tls))
        case .awaitingResponse:
            let unparsed = self.cumulation ?? context.channel.allocator.buffer(capacity: 0)
            self.fail(context: context, .handshake(self.handshake.inputEnded(unparsed: unparsed)))
        case .done:
            break
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let tlsError = error as? TLSError {
            self.fail(context: context, .tls(tlsError))
        } else if let ioError = error as? IOError {
            let address = context.channel.remoteAddress?.displayText ?? "the server"
            self.fail(context: context, .tcp(address: address, reason: ioError.description, errno: ioError.errnoCode))
        } else {
            self.fail(context: context, .closedDuring(phase: self.phase))
        }
    }

    // MARK: Steps

    private var phase: ConnectionPhase {
        switch self.state {
        case .awaitingTransport: .tcp
        case .awaitingTLS: .tls
        case .awaitingResponse, .done: .upgrade
        }
    }

    private func transportUp(context: ChannelHandlerContext) {
        guard case .awaitingTransport = self.state else { return }
        self.timings.tcpDone = .now()
        if self.options.tls != nil {
            self.state = .awaitingTLS
            self.startTimer(context: context, phase: .tls, after: self.options.timeouts.tls)
        } else {
            self.writeRequest(context: context)
        }
    }

    private func writeRequest(context: ChannelHandlerContext) {
        self.state = .awaitingResponse
        self.startTimer(context: context, phase: .upgrade, after: self.options.timeouts.upgrade)
        var buffer = context.channel.allocator.buffer(capacity: 512)
        self.handshake.request.write(into: &buffer)
        context.writeAndFlush(Self.wrapOutboundOut(buffer), promise: nil)
    }

    private func upgraded(context: ChannelHandlerContext, negotiated: NegotiatedUpgrade, leftover: ByteBuffer) {
        // Stamped next to the bytes, but recorded only once the extensions are agreed too: a 101 whose
        // permessage-deflate answer is refused is a failed upgrade, and its failure must not show the phase done.
        let upgradeDone = NIODeadline.now()
        var compression: PerMessageDeflate?
        var parameters: DeflateParameters?
        if let offer = self.options.deflate {
            do {
                parameters = try offer.negotiate(negotiated.extensions)
            } catch {
                return self.fail(context: context, .handshake(error))
            }
            if let parameters {
                do {
                    compression = try PerMessageDeflate(parameters: parameters, role: .client)
                } catch {
                    return self.fail(context: context, .deflateSetup(error.description))
                }
            }
        }
        self.timings.upgradeDone = upgradeDone
        self.state = .done
        self.timer?.cancel()
        let socket = WebSocketHandler(
            role: .client,
            limits: self.options.limits,
            compression: compression,
            closeTimeout: self.options.closeTimeout,
            delegate: self.delegate
        )
        let delegate = self.delegate
        self.delegate = nil
        do {
            try context.pipeline.syncOperations.addHandler(socket, position: .after(self))
        } catch {
            return self.promise.fail(self.failure(.closedDuring(phase: .upgrade)))
        }
        let info = ConnectionInfo(
            resolvedAddresses: self.resolvedAddresses,
            remoteAddress: context.channel.remoteAddress ?? self.resolvedAddresses[0],
            localAddress: context.channel.localAddress,
            timings: self.timings,
            request: self.handshake.request,
            response: negotiated,
            tls: self.tlsInfo,
            deflate: parameters
        )
        self.promise.succeed(info)
        delegate?.webSocketDidOpen(socket)
        self.cumulation = nil
        if leftover.readableBytes > 0 {
            context.fireChannelRead(Self.wrapInboundOut(leftover))
            context.fireChannelReadComplete()
        }
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    private func startTimer(context: ChannelHandlerContext, phase: ConnectionPhase, after timeout: TimeAmount) {
        self.timer?.cancel()
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        let boundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
        self.timer = context.eventLoop.scheduleTask(in: timeout) {
            handler.value.timerFired(context: boundContext.value, phase: phase, after: timeout)
        }
    }

    private func timerFired(context: ChannelHandlerContext, phase: ConnectionPhase, after timeout: TimeAmount) {
        if phase == .upgrade, self.handshake.responseHead != nil {
            // A non-101 head arrived but its body never completed: report the status with the body so far.
            let unparsed = self.cumulation ?? context.channel.allocator.buffer(capacity: 0)
            return self.fail(context: context, .handshake(self.handshake.inputEnded(unparsed: unparsed)))
        }
        self.fail(context: context, .timeout(phase: phase, after: timeout.nanoseconds))
    }

    private func failure(_ error: ConnectError) -> ConnectFailure {
        var failure = ConnectFailure(error: error, timings: self.timings)
        failure.resolvedAddresses = self.resolvedAddresses
        failure.tls = self.tlsInfo
        if case .awaitingResponse = self.state {
            failure.request = self.handshake.request
        }
        return failure
    }

    private func fail(context: ChannelHandlerContext, _ error: ConnectError) {
        if case .done = self.state { return }
        var failure = self.failure(error)
        failure.remoteAddress = context.channel.remoteAddress
        if failure.request == nil, case .handshake = error {
            failure.request = self.handshake.request
        }
        self.state = .done
        self.timer?.cancel()
        self.delegate = nil
        self.promise.fail(failure)
        context.close(promise: nil)
    }
}

@available(*, unavailable)
extension UpgradeClientHandler: Sendable {}
