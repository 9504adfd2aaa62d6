import Foundation
import NIOCore
import NIOPosix
import TLSOpenSSL
import TestSupport
import Testing

/// Drives a request through `TLSClientHandler` over real TCP and collects the answer.
private final class HTTPExchange: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let handshake: EventLoopPromise<TLSSessionInfo>
    private let response: EventLoopPromise<String>
    private var received = ""

    init(handshake: EventLoopPromise<TLSSessionInfo>, response: EventLoopPromise<String>) {
        self.handshake = handshake
        self.response = response
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard let completed = event as? TLSHandshakeCompleted else { return }
        handshake.succeed(completed.info)
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: "GET / HTTP/1.0\r\n\r\n")), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        received += String(buffer: unwrapInboundIn(data))
    }

    func channelInactive(context: ChannelHandlerContext) {
        handshake.fail(ChannelError.eof)  // ignored when already succeeded
        response.succeed(received)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        handshake.fail(error)
        response.fail(error)
        context.close(promise: nil)
    }
}

/// `openssl s_server` on 127.0.0.1, on a port it picks itself; stopped when the test ends.
private struct OpenSSLServer: ~Copyable {
    let process: ChildProcess
    let port: Int
    private let outputPath: String

    init(arguments: [String]) throws {
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("wsprobe-s_server-\(UUID().uuidString).out").path
        let process = try ChildProcess.launch(
            "/usr/bin/env",
            ["openssl", "s_server", "-accept", "127.0.0.1:0", "-naccept", "1"] + arguments,
            output: .file(outputPath)
        )
        // s_server prints "ACCEPT 127.0.0.1:<port>" once it listens.
        var port: Int?
        for _ in 0..<200 where port == nil {
            let text = String(decoding: FileManager.default.contents(atPath: outputPath) ?? Data(), as: UTF8.self)
            port = text.split(separator: "\n").first { $0.hasPrefix("ACCEPT 127.0.0.1:") }
                .flatMap { Int($0.dropFirst("ACCEPT 127.0.0.1:".count).prefix { $0.isNumber }) }
            if port == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        guard let port else {
            process.stopBlocking(grace: .seconds(1))
            try? FileManager.default.removeItem(atPath: outputPath)
            throw ChannelError.connectTimeout(.seconds(10))
        }
        self.process = process
        self.outputPath = outputPath
        self.port = port
    }

    deinit {
        self.process.stopBlocking(grace: .seconds(1))
        try? FileManager.default.removeItem(atPath: self.outputPath)
    }
}

@Suite("Interoperability with an independent TLS peer (openssl s_server on loopback)")
struct OpenSSLServerInteropTests {
    @Test("The client handler completes a verified TLS 1.3 handshake with s_server and reads its page")
    func clientAgainstOpenSSLServer() async throws {
        let certificates = try CertificateFactory.shared()
        let server = try OpenSSLServer(arguments: [
            "-cert", certificates.serverCertificate, "-key", certificates.serverKey, "-www", "-alpn", "http/1.1",
        ])
        let context = try TLSContext(
            configuration: .client(caFile: certificates.caCertificate, serverName: "localhost")
        )
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let handshake = loop.makePromise(of: TLSSessionInfo.self)
        let response = loop.makePromise(of: String.self)
        let timeout = loop.scheduleTask(in: .seconds(10)) {
            handshake.fail(ChannelError.connectTimeout(.seconds(10)))
            response.fail(ChannelError.connectTimeout(.seconds(10)))
        }

        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(5))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(TLSClientHandler(context: context))
                    try channel.pipeline.syncOperations.addHandler(
                        HTTPExchange(handshake: handshake, response: response)
                    )
                }
            }
            .connect(host: "127.0.0.1", port: server.port)
            .get()

        let info = try await handshake.futureResult.get()
        let page = try await response.futureResult.get()
        timeout.cancel()
        try? await channel.close()
        try await group.shutdownGracefully()

        #expect(info.protocolVersion == "TLSv1.3")
        #expect(info.alpn == "http/1.1")
        #expect(info.serverName == "localhost")
        #expect(info.verifyResult == "ok")
        #expect(info.peerCertificates.first?.subject.contains("CN=localhost") == true)
        #expect(page.hasPrefix("HTTP/1.0 200 ok"))
        #expect(page.contains("TLSv1.3"))  // s_server's page describes the session it saw
    }
}
