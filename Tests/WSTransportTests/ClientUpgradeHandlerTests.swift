import NIOCore
import NIOEmbedded
import ResultCodes
import TLSOpenSSL
import Testing
import WSDeflate
import WSProtocol

@testable import WSTransport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Records what an open socket reports, on the embedded loop.
private final class Recorder: WebSocketDelegate {
    var opened = 0
    var messages: [Message] = []
    var outcomes: [CloseOutcome] = []

    func webSocketDidOpen(_ socket: WebSocketHandler) { self.opened += 1 }

    func webSocket(_ socket: WebSocketHandler, didReceive message: Message, receivedAt: NIODeadline) {
        self.messages.append(message)
    }

    func webSocket(_ socket: WebSocketHandler, didCloseWith outcome: CloseOutcome, at: NIODeadline) {
        self.outcomes.append(outcome)
    }
}

/// Holds the connector's result once its future completes (on the embedded loop).
private final class ResultBox {
    var result: Result<ConnectionInfo, any Error>?
}

/// An `UpgradeClientHandler` on an `EmbeddedChannel`, with the result it produced.
private struct Harness {
    let channel: EmbeddedChannel
    let request: UpgradeRequest
    let recorder: Recorder
    let box = ResultBox()

    init(configure: (inout ConnectOptions) -> Void = { _ in }) throws {
        var options = ConnectOptions(url: try WebSocketURL(parsing: "ws://example.test:8080/chat"))
        options.timeouts = PhaseTimeouts(all: .seconds(2))
        configure(&options)
        self.request = try UpgradeRequest(
            host: "example.test",
            port: 8080,
            isSecure: options.tls != nil,
            target: "/chat",
            subprotocols: options.subprotocols,
            extensions: options.deflate.map { [$0.extensionOffer] } ?? [],
            key: "dGhlIHNhbXBsZSBub25jZQ=="
        )
        self.channel = EmbeddedChannel()
        self.recorder = Recorder()
        let promise = self.channel.eventLoop.makePromise(of: ConnectionInfo.self)
        let bound = NIOLoopBound(self.box, eventLoop: self.channel.eventLoop)
        promise.futureResult.whenComplete { bound.value.result = $0 }
        let address = try SocketAddress(ipAddress: "127.0.0.1", port: 8080)
        try self.channel.pipeline.syncOperations.addHandler(
            UpgradeClientHandler(
                request: self.request,
                options: options,
                timings: PhaseTimings(start: .now()),
                resolvedAddresses: [address],
                delegate: self.recorder,
                promise: promise
            )
        )
        try self.channel.connect(to: address).wait()
    }

    /// The bytes written so far, as text.
    func written() throws -> String {
        var text = ""
        while let buffer = try self.channel.readOutbound(as: ByteBuffer.self) {
            text += String(buffer: buffer)
        }
        return text
    }

    func feed(_ text: String) throws {
        try self.channel.writeInbound(ByteBuffer(string: text))
    }

    func feed(_ bytes: [UInt8]) throws {
        try self.channel.writeInbound(ByteBuffer(bytes: bytes))
    }

    /// The failure the future holds, if it failed.
    func failure() -> ConnectFailure? {
        guard case .failure(let error) = self.box.result else { return nil }
        return error as? ConnectFailure
    }

    /// The connection info, if the future succeeded.
    func info() -> ConnectionInfo? {
        guard case .success(let info) = self.box.result else { return nil }
        return info
    }

    var accept: String { self.request.expectedAccept }

    var validHead: String {
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: \(self.accept)\r\n\r\n"
    }
}

@Suite("UpgradeClientHandler on an embedded channel")
struct ClientUpgradeHandlerTests {
    @Test("writes the request once the transport is up, and stamps the TCP mark")
    func writesRequest() throws {
        let harness = try Harness()
        let text = try harness.written()
        #expect(text.hasPrefix("GET /chat HTTP/1.1\r\n"))
        #expect(text.contains("Host: example.test:8080\r\n"))
        #expect(text.contains("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"))
        #expect(text.hasSuffix("\r\n\r\n"))
        #expect(harness.info() == nil && harness.failure() == nil)
        _ = try? harness.channel.finish()
    }

    @Test("a 101 split byte by byte, followed by a frame in the same read, opens and delivers the frame")
    func splitResponseWithLeftover() throws {
        let harness = try Harness()
        _ = try harness.written()
        let head = Array(harness.validHead.utf8)
        for byte in head.dropLast() {
            try harness.feed([byte])
        }
        #expect(harness.info() == nil)
        // The last byte of the head and an unmasked server text frame "hi" in one read.
        try harness.feed([head[head.count - 1], 0x81, 0x02, 0x68, 0x69])

        let info = try #require(harness.info())
        let tcpDone = try #require(info.timings.tcpDone)
        let upgradeDone = try #require(info.timings.upgradeDone)
        #expect(tcpDone <= upgradeDone)
        #expect(info.timings.tlsDone == nil)
        #expect(info.response.head.status == 101)
        #expect(harness.recorder.opened == 1)
        #expect(harness.recorder.messages == [.text("hi")])
        #expect(throws: (any Error).self) {
            try harness.channel.pipeline.syncOperations.handler(type: UpgradeClientHandler.self)
        }
        #expect(try harness.channel.pipeline.syncOperations.handler(type: WebSocketHandler.self).isOpen)
        _ = try? harness.channel.finish()
        #expect(harness.recorder.outcomes.map(\.code) == [.abnormalClosure])
    }

    @Test("a non-101 head whose body never completes is reported with its status when the upgrade timer fires")
    func incompleteBodyAtTimeout() throws {
        let harness = try Harness()
        _ = try harness.written()
        try harness.feed("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 1000\r\n\r\n<html>bad gateway")
        #expect(harness.failure() == nil)
        harness.channel.embeddedEventLoop.advanceTime(by: .seconds(3))

        let failure = try #require(harness.failure())
        #expect(failure.error.code == "handshake.status.gateway-error")
        #expect(failure.description.contains("502 Bad Gateway"))
        #expect(failure.description.contains("<html>bad gateway"))
        #expect(failure.request?.key == harness.request.key)
        #expect(!harness.channel.isActive)
    }

    @Test("no answer at all fails with timeout.upgrade naming the timeout")
    func upgradeTimeout() throws {
        let harness = try Harness { $0.timeouts.upgrade = .milliseconds(250) }
        _ = try harness.written()
        harness.channel.embeddedEventLoop.advanceTime(by: .milliseconds(249))
        #expect(harness.failure() == nil)
        harness.channel.embeddedEventLoop.advanceTime(by: .milliseconds(1))

        let failure = try #require(harness.failure())
        #expect(failure.error.code == "timeout.upgrade")
        #expect(failure.description.contains("250 ms"))
        #expect(!harness.channel.isActive)
    }

    @Test("a close in the middle of the head reports the bytes received")
    func closedMidHead() throws {
        let harness = try Harness()
        _ = try harness.written()
        try harness.feed("HTTP/1.1 101 Swi")
        harness.channel.pipeline.fireChannelInactive()

        let failure = try #require(harness.failure())
        #expect(failure.error.code == "handshake.closed-before-response")
        #expect(failure.description.contains("16 bytes"))
        #expect(failure.description.contains("HTTP/1.1 101 Swi"))
    }

    @Test("TLS bytes in answer to the plain request give the 'use wss://' hint")
    func tlsAnswerToPlainRequest() throws {
        let harness = try Harness()
        _ = try harness.written()
        try harness.feed([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46])
        harness.channel.pipeline.fireChannelInactive()

        let failure = try #require(harness.failure())
        #expect(failure.error.code == "handshake.closed-before-response")
        #expect(failure.description.contains("use wss://"))
    }

    @Test("with TLS configured, the request waits for the TLS handshake and the TLS mark")
    func waitsForTLS() throws {
        let certificates = try TLSContext(configuration: .client(verifyPeer: false))
        let harness = try Harness { $0.tls = certificates }
        #expect(try harness.written().isEmpty)
        let session = TLSSessionInfo(
            protocolVersion: "TLSv1.3",
            cipher: "TLS_AES_128_GCM_SHA256",
            alpn: "http/1.1",
            serverName: "example.test",
            peerCertificates: [],
            verificationSkipped: false,
            verifyResult: "ok"
        )
        harness.channel.pipeline.fireUserInboundEventTriggered(TLSHandshakeCompleted(info: session))
        #expect(try harness.written().hasPrefix("GET /chat HTTP/1.1\r\n"))
        try harness.feed(harness.validHead)

        let info = try #require(harness.info())
        #expect(info.tls == session)
        let tcpDone = try #require(info.timings.tcpDone)
        let tlsDone = try #require(info.timings.tlsDone)
        let upgradeDone = try #require(info.timings.upgradeDone)
        #expect(tcpDone <= tlsDone && tlsDone <= upgradeDone)
        _ = try? harness.channel.finish()
    }

    @Test("with TLS configured, no handshake within the TLS timeout fails with timeout.tls")
    func tlsTimeout() throws {
        let certificates = try TLSContext(configuration: .client(verifyPeer: false))
        let harness = try Harness {
            $0.tls = certificates
            $0.timeouts.tls = .milliseconds(300)
        }
        harness.channel.embeddedEventLoop.advanceTime(by: .milliseconds(300))
        let failure = try #require(harness.failure())
        #expect(failure.error.code == "timeout.tls")
        #expect(failure.timings.tlsDone == nil)
        #expect(failure.request == nil)
    }

    @Test("a close during the TLS handshake without a TLS error reports closed.tls")
    func closedDuringTLS() throws {
        let certificates = try TLSContext(configuration: .client(verifyPeer: false))
        let harness = try Harness { $0.tls = certificates }
        harness.channel.pipeline.fireChannelInactive()
        let failure = try #require(harness.failure())
        #expect(failure.error.code == "closed.tls")
        #expect(failure.error.phase == .tls)
    }

    @Test("a connection reset while waiting for the answer is tcp.reset")
    func resetDuringUpgrade() throws {
        let harness = try Harness()
        _ = try harness.written()
        harness.channel.pipeline.fireErrorCaught(
            IOError(errnoCode: ECONNRESET, reason: "read(descriptor:pointer:size:)")
        )
        let failure = try #require(harness.failure())
        #expect(failure.error.code == "tcp.reset")
        #expect(failure.request != nil)
    }

    @Test("a refused deflate answer fails with its deflate code and closes, without an upgrade mark")
    func refusedDeflate() throws {
        let harness = try Harness { $0.deflate = .standard }
        _ = try harness.written()
        try harness.feed(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: \(harness.accept)\r\n"
                + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=16\r\n\r\n"
        )
        let failure = try #require(harness.failure())
        #expect(failure.error.code.hasPrefix("deflate."))
        #expect(failure.timings.upgradeDone == nil)
        #expect(harness.recorder.opened == 0)
        #expect(!harness.channel.isActive)
    }

    @Test("an agreed deflate answer is reported with its parameters")
    func agreedDeflate() throws {
        let harness = try Harness { $0.deflate = .standard }
        _ = try harness.written()
        try harness.feed(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: \(harness.accept)\r\n"
                + "Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=10; client_max_window_bits=9"
                + "\r\n\r\n"
        )
        let info = try #require(harness.info())
        let parameters = try #require(info.deflate)
        #expect(parameters.serverMaxWindowBits == 10)
        #expect(parameters.clientMaxWindowBits == 9)
        _ = try? harness.channel.finish()
    }
}
