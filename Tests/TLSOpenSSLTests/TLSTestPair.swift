import NIOCore
import NIOEmbedded
import TLSOpenSSL
import TestSupport

/// Records what reaches the top of a pipeline: plaintext, handshake events and errors (swallowed, so
/// `EmbeddedChannel` does not rethrow them from unrelated calls).
final class Recorder: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    var received = ByteBuffer()
    var reads = 0
    var handshakes: [TLSSessionInfo] = []
    var errors: [any Error] = []
    var inactive = false
    /// "handshake", "read", "error" and "inactive" in the order they arrived.
    var log: [String] = []

    var tlsErrors: [TLSError] { errors.compactMap { $0 as? TLSError } }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        reads += 1
        log.append("read")
        received.writeBuffer(&buffer)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let completed = event as? TLSHandshakeCompleted {
            handshakes.append(completed.info)
            log.append("handshake")
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        errors.append(error)
        log.append("error")
    }

    func channelInactive(context: ChannelHandlerContext) {
        inactive = true
        log.append("inactive")
    }
}

/// A TLS client and server in two `EmbeddedChannel`s whose outbound bytes are carried to each other in memory.
struct TLSTestPair {
    let client: EmbeddedChannel
    let server: EmbeddedChannel
    let clientRecorder = Recorder()
    let serverRecorder = Recorder()

    /// Both channels with their handlers; the client is connected (so it has sent ClientHello) but nothing
    /// has been carried yet.
    init(
        client clientConfiguration: TLSConfiguration,
        server serverConfiguration: TLSConfiguration,
        serverName: String? = nil
    ) throws {
        let clientHandler = try TLSClientHandler(
            context: TLSContext(configuration: clientConfiguration),
            serverName: serverName
        )
        let serverHandler = try TLSServerHandler(context: TLSContext(configuration: serverConfiguration))
        client = EmbeddedChannel()
        server = EmbeddedChannel()
        try client.pipeline.syncOperations.addHandlers([clientHandler, clientRecorder])
        try server.pipeline.syncOperations.addHandlers([serverHandler, serverRecorder])
        try server.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 40_000)).wait()
        try client.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 443)).wait()
    }

    /// Carries bytes both ways until neither side has anything more to send.
    func pump() throws {
        var moved = true
        while moved {
            moved = false
            while let bytes = try client.readOutbound(as: ByteBuffer.self) {
                moved = true
                if server.isActive { try server.writeInbound(bytes) }
            }
            while let bytes = try server.readOutbound(as: ByteBuffer.self) {
                moved = true
                if client.isActive { try client.writeInbound(bytes) }
            }
        }
    }

    /// The first TLS error either side reported, client first.
    var clientError: TLSError? { clientRecorder.tlsErrors.first }
    var serverError: TLSError? { serverRecorder.tlsErrors.first }
}

extension CertificateFactory {
    /// A client trusting the test CA.
    func client(
        serverName: String? = "localhost",
        verifyPeer: Bool = true,
        alpn: [String] = ["http/1.1"],
        withClientCertificate: Bool = false,
        minimumVersion: TLSVersion = .tls12
    ) -> TLSConfiguration {
        .client(
            caFile: caCertificate,
            verifyPeer: verifyPeer,
            serverName: serverName,
            alpn: alpn,
            certificateFile: withClientCertificate ? clientCertificate : nil,
            keyFile: withClientCertificate ? clientKey : nil,
            minimumVersion: minimumVersion
        )
    }

    /// The valid localhost server.
    func server(
        alpn: [String] = ["http/1.1"],
        requireClientCertificate: Bool = false,
        maximumVersion: TLSVersion? = nil
    ) -> TLSConfiguration {
        .server(
            certificateChainFile: serverCertificate,
            keyFile: serverKey,
            clientCAFile: requireClientCertificate ? caCertificate : nil,
            alpn: alpn,
            maximumVersion: maximumVersion
        )
    }
}
