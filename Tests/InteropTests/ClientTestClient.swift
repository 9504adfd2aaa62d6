import NIOCore
import NIOPosix
import TLSOpenSSL
import TestSupport
import Testing
import WSProtocol
import WSTransport

/// Opens WebSockets with `WebSocketConnector` on the shared event loop group, for interop tests.
enum ClientTestClient {
    /// How long any single wait in these tests may take by default.
    static let defaultTimeout = TimeAmount.seconds(10)

    /// Opens `url` with options changed by `configure`; every phase has a 5 s timeout unless changed.
    ///
    /// - Returns: the open connection, or the connector's failure.
    /// - Throws: only when the URL does not parse.
    static func open(
        _ url: String,
        configure: (inout ConnectOptions) throws -> Void = { _ in }
    ) async throws -> Result<ClientConnection, ConnectFailure> {
        var options = ConnectOptions(url: try WebSocketURL(parsing: url))
        options.timeouts = PhaseTimeouts(all: .seconds(5))
        options.closeTimeout = .seconds(3)
        try configure(&options)
        let frozen = options
        let eventLoop = MultiThreadedEventLoopGroup.singleton.next()
        let future = eventLoop.flatSubmit { () -> EventLoopFuture<ClientConnection> in
            let delegate = ClientRecordingDelegate(eventLoop: eventLoop)
            let bound = NIOLoopBound(delegate, eventLoop: eventLoop)
            return WebSocketConnector.connect(options: frozen, on: eventLoop, delegate: delegate).map { info in
                ClientConnection(info: info, delegate: bound, eventLoop: eventLoop)
            }
        }
        do {
            return .success(try await future.get())
        } catch let failure as ConnectFailure {
            return .failure(failure)
        }
    }

    /// Opens `url` and requires success, recording the failure's code and sentence otherwise.
    static func connect(
        _ url: String,
        sourceLocation: SourceLocation = #_sourceLocation,
        configure: (inout ConnectOptions) throws -> Void = { _ in }
    ) async throws -> ClientConnection {
        switch try await self.open(url, configure: configure) {
        case .success(let connection):
            return connection
        case .failure(let failure):
            Issue.record("\(url) failed with \(failure.error.code): \(failure)", sourceLocation: sourceLocation)
            throw failure
        }
    }

    /// Opens `url` and requires failure, returning it.
    static func failure(
        _ url: String,
        sourceLocation: SourceLocation = #_sourceLocation,
        configure: (inout ConnectOptions) throws -> Void = { _ in }
    ) async throws -> ConnectFailure {
        switch try await self.open(url, configure: configure) {
        case .success(let connection):
            let headers = connection.info.response.headers.map { "\($0.name): \($0.value)" }
            Issue.record("\(url) opened, but a failure was expected: \(headers)", sourceLocation: sourceLocation)
            await connection.abort()
            throw ClientWaitError.noSocket
        case .failure(let failure):
            return failure
        }
    }

    /// A TLS client context trusting the test CA (or `caFile`).
    static func tlsContext(
        caFile: String? = nil,
        verifyPeer: Bool = true,
        clientCertificate: Bool = false
    ) throws -> TLSContext {
        let certificates = try CertificateFactory.shared()
        return try TLSContext(
            configuration: .client(
                caFile: caFile ?? certificates.caCertificate,
                verifyPeer: verifyPeer,
                certificateFile: clientCertificate ? certificates.clientCertificate : nil,
                keyFile: clientCertificate ? certificates.clientKey : nil
            )
        )
    }
}

/// One open test connection: what the opening established and a recording delegate on its event loop.
struct ClientConnection: Sendable {
    /// What the connector reported.
    let info: ConnectionInfo
    /// The recording delegate, usable on its event loop only.
    let delegate: NIOLoopBound<ClientRecordingDelegate>

    /// The connection's event loop.
    let eventLoop: any EventLoop

    /// Sends a message, in fragments of `fragmentSize` bytes when given.
    func send(_ message: Message, fragmentSize: Int? = nil) async throws {
        try await self.withSocket { socket in try socket.send(message, fragmentSize: fragmentSize) }
    }

    /// Sends a message and returns the next message received, within `timeout`.
    func echo(_ message: Message, timeout: TimeAmount = ClientTestClient.defaultTimeout) async throws -> Message {
        try await self.send(message)
        return try await self.nextMessage(timeout: timeout)
    }

    /// The next message received, within `timeout`.
    func nextMessage(timeout: TimeAmount = ClientTestClient.defaultTimeout) async throws -> Message {
        let delegate = self.delegate
        return try await self.eventLoop.flatSubmit { delegate.value.nextMessage(timeout: timeout) }.get()
    }

    /// Sends a ping and returns the next pong, within `timeout`.
    func ping(_ payload: String, timeout: TimeAmount = ClientTestClient.defaultTimeout) async throws -> ByteBuffer {
        try await self.withSocket { socket in try socket.sendPing(ByteBuffer(string: payload)) }
        let delegate = self.delegate
        return try await self.eventLoop.flatSubmit { delegate.value.nextPong(timeout: timeout) }.get()
    }

    /// Starts the closing handshake with `code`.
    func close(code: CloseCode = .normalClosure, reason: String = "") async throws {
        try await self.withSocket { socket in try socket.close(code: code, reason: reason) }
    }

    /// The close outcome, within `timeout`.
    func closeOutcome(timeout: TimeAmount = ClientTestClient.defaultTimeout) async throws -> CloseOutcome {
        let delegate = self.delegate
        return try await self.eventLoop.flatSubmit { delegate.value.closeOutcome(timeout: timeout) }.get()
    }

    /// Seconds from the validated 101 to the close outcome, once closed.
    func secondsOpen() async throws -> Double? {
        try await self.secondsToClose(from: self.info.timings.upgradeDone)
    }

    /// Seconds from `mark` to the close outcome, once closed.
    func secondsToClose(from mark: NIODeadline?) async throws -> Double? {
        let delegate = self.delegate
        return try await self.eventLoop.submit { () -> Double? in
            guard let closedAt = delegate.value.closed?.at, let mark else { return nil }
            return Double((closedAt - mark).nanoseconds) / 1e9
        }.get()
    }

    /// Bytes written to and read from the transport since the upgrade (after compression and masking).
    func wireBytes() async throws -> (written: Int, read: Int) {
        let delegate = self.delegate
        return try await self.eventLoop.submit { () throws -> (written: Int, read: Int) in
            guard let socket = delegate.value.socket else { throw ClientWaitError.noSocket }
            return (socket.wireBytesWritten, socket.wireBytesRead)
        }.get()
    }

    /// Closes the transport without a closing handshake (cleanup), and waits for the outcome.
    func abort() async {
        let delegate = self.delegate
        try? await self.eventLoop.submit { delegate.value.socket?.abort() }.get()
        _ = try? await self.closeOutcome(timeout: .seconds(5))
    }

    private func withSocket(_ body: @escaping @Sendable (WebSocketHandler) throws -> Void) async throws {
        let delegate = self.delegate
        try await self.eventLoop.submit {
            guard let socket = delegate.value.socket else { throw ClientWaitError.noSocket }
            try body(socket)
        }.get()
    }
}
