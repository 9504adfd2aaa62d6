package import NIOCore
import NIOPosix
import ResultCodes
import SystemCrypto
import TLSOpenSSL
import WSDeflate
import WSProtocol

/// Opens WebSockets: DNS → TCP → TLS → upgrade, each phase timed on the event loop and bounded by its timeout.
package enum WebSocketConnector {
    /// Opens one WebSocket on `eventLoop`; the delegate receives the open socket, its messages and its close.
    ///
    /// Call it on `eventLoop` (the delegate is bound to that loop). The future succeeds with what the opening
    /// established once the 101 is validated, before `webSocketDidOpen`; it fails with a `ConnectFailure` that
    /// names the phase.
    package static func connect(
        options: ConnectOptions,
        on eventLoop: any EventLoop,
        delegate: any WebSocketDelegate
    ) -> EventLoopFuture<ConnectionInfo> {
        eventLoop.preconditionInEventLoop()
        let timings = PhaseTimings(start: .now())
        var random = SecureRandom()
        let request: UpgradeRequest
        do {
            request = try UpgradeRequest(
                url: options.url,
                origin: options.origin,
                headers: options.headers,
                subprotocols: options.subprotocols,
                extensions: options.deflate.map { [$0.extensionOffer] } ?? [],
                method: options.method,
                upgrade: options.upgrade,
                using: &random
            )
        } catch {
            return eventLoop.makeFailedFuture(ConnectFailure(error: .handshake(error), timings: timings))
        }
        let delegate = NIOLoopBound(delegate, eventLoop: eventLoop)
        return self.resolve(options: options, on: eventLoop).flatMapError { error in
            eventLoop.makeFailedFuture(ConnectFailure(error: Self.connectError(error, phase: .dns), timings: timings))
        }.flatMap { (addresses: [SocketAddress], lookedUp: Bool) in
            var timings = timings
            if lookedUp {
                timings.dnsDone = .now()
            }
            return self.open(
                request: request,
                options: options,
                addresses: addresses,
                timings: timings,
                delegate: delegate.value,
                on: eventLoop
            )
        }
    }

    /// The addresses to dial, and whether a DNS lookup produced them.
    private static func resolve(
        options: ConnectOptions,
        on eventLoop: any EventLoop
    ) -> EventLoopFuture<([SocketAddress], Bool)> {
        let url = options.url
        if let override = options.resolveEntry(host: url.host, port: url.port) {
            do {
                return eventLoop.makeSucceededFuture(
                    ([try SocketAddress(ipAddress: override.address, port: url.port)], false)
                )
            } catch {
                return eventLoop.makeFailedFuture(
                    ConnectError.invalidResolve(
                        "\(override.host):\(override.port):\(override.address)",
                        reason: "'\(override.address)' is not an IP address"
                    )
                )
            }
        }
        if let literal = try? SocketAddress(ipAddress: url.host, port: url.port) {
            return eventLoop.makeSucceededFuture(([literal], false))
        }
        let promise = eventLoop.makePromise(of: ([SocketAddress], Bool).self)
        let timeout = options.timeouts.dns
        let timer = eventLoop.scheduleTask(in: timeout) {
            promise.fail(ConnectError.timeout(phase: .dns, after: timeout.nanoseconds))
        }
        AddressResolver.resolve(host: url.host, port: url.port, on: eventLoop).whenComplete { result in
            timer.cancel()
            promise.completeWith(result.map { ($0, true) })
        }
        return promise.futureResult
    }

    /// Dials `addresses[index]` and runs TLS and the upgrade on that connection.
    ///
    /// A name often resolves to several addresses (`localhost` to `::1` and `127.0.0.1`) while the server listens
    /// on one of them only, so when the TCP connect fails the next address is dialled, in getaddrinfo's order
    /// (sequentially, as curl does without Happy Eyeballs). Each attempt has the full TCP timeout; the failure of
    /// the last one is reported. Failures after TCP succeeded, and a source address that cannot be bound, are
    /// reported at once.
    static func open(
        request: UpgradeRequest,
        options: ConnectOptions,
        addresses: [SocketAddress],
        index: Int = 0,
        timings: PhaseTimings,
        delegate: any WebSocketDelegate,
        on eventLoop: any EventLoop
    ) -> EventLoopFuture<ConnectionInfo> {
        let promise = eventLoop.makePromise(of: ConnectionInfo.self)
        let address = addresses[index]
        let serverName = options.serverName ?? options.url.host
        let boundDelegate = NIOLoopBound(delegate, eventLoop: eventLoop)
        var bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(options.timeouts.tcp)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelOption(.recvAllocator, value: Self.receiveAllocator)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let context = options.tls {
                        try channel.pipeline.syncOperations.addHandler(
                            try TLSClientHandler(context: context, serverName: serverName)
                        )
                    }
                    try channel.pipeline.syncOperations.addHandler(
                        UpgradeClientHandler(
                            request: request,
                            options: options,
                            timings: timings,
                            resolvedAddresses: addresses,
                            delegate: boundDelegate.value,
                            promise: promise
                        )
                    )
                }
            }
        if let local = options.localAddress {
            bootstrap = bootstrap.bind(to: local)
        }
        bootstrap.connect(to: address).whenFailure { error in
            var failure = ConnectFailure(
                error: Self.connectError(error, phase: .tcp, address: address, localAddress: options.localAddress),
                timings: timings
            )
            failure.resolvedAddresses = addresses
            failure.remoteAddress = address
            promise.fail(failure)
        }
        return promise.futureResult.flatMapError { error in
            guard index + 1 < addresses.count, let failure = error as? ConnectFailure, failure.timings.tcpDone == nil,
                failure.error.phase == .tcp, failure.error.errorCode != .tcpLocalAddress
            else {
                return eventLoop.makeFailedFuture(error)
            }
            return Self.open(
                request: request,
                options: options,
                addresses: addresses,
                index: index + 1,
                timings: timings,
                delegate: boundDelegate.value,
                on: eventLoop
            )
        }
    }

    /// NIO's adaptive read-buffer sizing, starting at 256 bytes instead of 2 KiB: each channel keeps its last
    /// read buffer for reuse, so an idle connection holds one of the size its last reads needed (a 101 response
    /// usually fits in 256 bytes, a longer one takes a second read); busy connections grow it to 64 KiB within a
    /// few reads as before.
    static let receiveAllocator = AdaptiveRecvByteBufferAllocator(minimum: 64, initial: 256, maximum: 65536)

    /// Maps a bootstrap or resolver error to the phase's `ConnectError`.
    ///
    /// A failed `bind` of `localAddress` is `.localAddress`, not a TCP failure: its EADDRNOTAVAIL means "not an
    /// address of this host", whereas the same errno from `connect` means the ephemeral ports ran out.
    static func connectError(
        _ error: any Error,
        phase: ConnectionPhase,
        address: SocketAddress? = nil,
        localAddress: SocketAddress? = nil
    ) -> ConnectError {
        if let error = error as? ConnectError {
            return error
        }
        if let error = error as? ConnectFailure {
            return error.error
        }
        if let error = error as? TLSError {
            return .tls(error)
        }
        let where_ = address?.displayText ?? "the server"
        if let error = error as? ChannelError, case .connectTimeout(let timeout) = error {
            return .timeout(phase: .tcp, after: timeout.nanoseconds)
        }
        if let error = error as? IOError {
            // NIO names the failing system call first: "bind(descriptor:ptr:bytes:): <strerror> (errno: N)".
            if let localAddress, error.description.hasPrefix("bind(") {
                return .localAddress(localAddress.displayText, reason: error.description)
            }
            return .tcp(address: where_, reason: error.description, errno: error.errnoCode)
        }
        return phase == .dns
            ? .dns(host: where_, reason: "\(error)") : .tcp(address: where_, reason: "\(error)", errno: nil)
    }
}
