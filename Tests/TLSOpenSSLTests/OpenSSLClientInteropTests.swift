import Foundation
import NIOCore
import NIOPosix
import TLSOpenSSL
import TestSupport
import Testing

/// Answers the first plaintext read with "echo: <read>" and closes.
private final class EchoOnce: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let handshake: EventLoopPromise<TLSSessionInfo>

    init(handshake: EventLoopPromise<TLSSessionInfo>) {
        self.handshake = handshake
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let completed = event as? TLSHandshakeCompleted { handshake.succeed(completed.info) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var reply = ByteBuffer(string: "echo: ")
        var received = unwrapInboundIn(data)
        reply.writeBuffer(&received)
        context.writeAndFlush(wrapOutboundOut(reply)).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        handshake.fail(error)
        context.close(promise: nil)
    }
}

@Suite("Interoperability with an independent TLS peer (openssl s_client on loopback)")
struct OpenSSLClientInteropTests {
    @Test("openssl s_client verifies the server handler's certificate, negotiates ALPN and gets its echo")
    func openSSLClientAgainstServerHandler() async throws {
        let certificates = try CertificateFactory.shared()
        let context = try TLSContext(configuration: certificates.server())
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let handshake = group.next().makePromise(of: TLSSessionInfo.self)
        let listener = try await ServerBootstrap(group: group)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(TLSServerHandler(context: context))
                    try channel.pipeline.syncOperations.addHandler(EchoOnce(handshake: handshake))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        let port = try #require(listener.localAddress?.port)

        let run = try await ChildProcess.run(
            "/usr/bin/env",
            [
                "openssl", "s_client", "-connect", "127.0.0.1:\(port)", "-servername", "localhost",
                "-CAfile", certificates.caCertificate, "-verify_return_error", "-alpn", "http/1.1", "-ign_eof",
            ],
            input: Array("hello from s_client\n".utf8),
            timeout: .seconds(10)
        )
        let printed = run.outputText

        let info = try await handshake.futureResult.get()
        try await listener.close()
        try await group.shutdownGracefully()

        #expect(printed.contains("Verify return code: 0 (ok)"))
        #expect(printed.contains("ALPN protocol: http/1.1"))
        #expect(printed.contains("echo: hello from s_client"))
        #expect(info.protocolVersion == "TLSv1.3")
        #expect(info.alpn == "http/1.1")
        #expect(info.verificationSkipped)  // the server asked for no client certificate
        #expect(info.peerCertificates.isEmpty)
    }
}
