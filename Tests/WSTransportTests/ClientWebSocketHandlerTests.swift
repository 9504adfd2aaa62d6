import NIOCore
import NIOEmbedded
import Testing
import WSProtocol

@testable import WSTransport

/// Records messages and outcomes; optionally echoes every message from inside the callback.
private final class EchoRecorder: WebSocketDelegate {
    var echo = false
    var messages: [Message] = []
    var outcomes: [CloseOutcome] = []

    func webSocket(_ socket: WebSocketHandler, didReceive message: Message, receivedAt: NIODeadline) {
        self.messages.append(message)
        if self.echo {
            try? socket.send(message)
        }
    }

    func webSocket(_ socket: WebSocketHandler, didCloseWith outcome: CloseOutcome, at: NIODeadline) {
        self.outcomes.append(outcome)
    }
}

/// A client-role `WebSocketHandler` on an embedded channel.
private struct SocketHarness {
    let channel = EmbeddedChannel()
    let recorder = EchoRecorder()
    let socket: WebSocketHandler

    init(closeTimeout: TimeAmount = .seconds(2)) throws {
        self.socket = WebSocketHandler(role: .client, closeTimeout: closeTimeout, delegate: self.recorder)
        try self.channel.pipeline.syncOperations.addHandler(self.socket)
        try self.channel.connect(to: try SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
    }

    /// Feeds unmasked server frames.
    func feed(_ bytes: [UInt8]) throws {
        try self.channel.writeInbound(ByteBuffer(bytes: bytes))
    }

    /// Every byte written so far.
    func written() throws -> [UInt8] {
        var bytes: [UInt8] = []
        while let buffer = try self.channel.readOutbound(as: ByteBuffer.self) {
            bytes += Array(buffer.readableBytesView)
        }
        return bytes
    }
}

@Suite("WebSocketHandler in the client role on an embedded channel")
struct ClientWebSocketHandlerTests {
    /// A server close frame with code 1000.
    private static let serverClose: [UInt8] = [0x88, 0x02, 0x03, 0xE8]

    @Test("our close is masked; after the server's close the client waits for the server to end TCP")
    func closeWaitsForServer() throws {
        let harness = try SocketHarness()
        try harness.socket.close(code: .normalClosure)
        harness.channel.embeddedEventLoop.run()
        let written = try harness.written()
        #expect(written.count == 2 + 4 + 2)
        #expect(written.first == 0x88)
        #expect(written.dropFirst().first == 0x82)  // mask bit, 2 bytes of payload
        try harness.feed(Self.serverClose)
        #expect(harness.recorder.outcomes.isEmpty)
        #expect(harness.channel.isActive)

        harness.channel.pipeline.fireChannelInactive()
        let outcome = try #require(harness.recorder.outcomes.first)
        #expect(harness.recorder.outcomes.count == 1)
        #expect(outcome.code == .normalClosure)
        #expect(outcome.initiator == .local)
        #expect(outcome.wasClean)
        #expect(!outcome.closeTimedOut)
    }

    @Test("a server that never ends TCP after the closing handshake is cut off after the close timeout")
    func closeTimeout() throws {
        let harness = try SocketHarness(closeTimeout: .seconds(2))
        try harness.socket.close(code: .normalClosure)
        try harness.feed(Self.serverClose)
        harness.channel.embeddedEventLoop.advanceTime(by: .milliseconds(1999))
        #expect(harness.recorder.outcomes.isEmpty)
        harness.channel.embeddedEventLoop.advanceTime(by: .milliseconds(1))

        let outcome = try #require(harness.recorder.outcomes.first)
        #expect(outcome.closeTimedOut)
        #expect(outcome.code == .normalClosure)
        #expect(!harness.channel.isActive)
    }

    @Test("a server that never answers our close is cut off after the close timeout with 1006")
    func closeUnanswered() throws {
        let harness = try SocketHarness(closeTimeout: .seconds(1))
        try harness.socket.close(code: .goingAway)
        harness.channel.embeddedEventLoop.advanceTime(by: .seconds(1))

        let outcome = try #require(harness.recorder.outcomes.first)
        #expect(outcome.code == .abnormalClosure)
        #expect(outcome.sentCode == .goingAway)
        #expect(outcome.closeTimedOut)
        #expect(!outcome.wasClean)
        #expect(!harness.channel.isActive)
    }

    @Test("a server-initiated close is answered with the same code at once")
    func serverInitiatedClose() throws {
        let harness = try SocketHarness()
        try harness.feed([0x88, 0x02, 0x03, 0xE9])  // 1001
        let written = try harness.written()
        #expect(written.first == 0x88)
        #expect(written.count == 8)
        // Unmask the echoed code.
        let mask = Array(written[2..<6])
        #expect([written[6] ^ mask[0], written[7] ^ mask[1]] == [0x03, 0xE9])
        harness.channel.pipeline.fireChannelInactive()
        let outcome = try #require(harness.recorder.outcomes.first)
        #expect(outcome.code == .goingAway)
        #expect(outcome.initiator == .remote)
        #expect(outcome.wasClean)
    }

    @Test("a masked frame from the server fails the connection with 1002")
    func maskedServerFrame() throws {
        let harness = try SocketHarness()
        try harness.feed([0x81, 0x82, 1, 2, 3, 4, 0x69 ^ 1, 0x69 ^ 2])
        let written = try harness.written()
        #expect(written.first == 0x88)
        let mask = Array(written[2..<6])
        #expect([written[6] ^ mask[0], written[7] ^ mask[1]] == [0x03, 0xEA])
        #expect(harness.recorder.messages.isEmpty)
        harness.channel.embeddedEventLoop.advanceTime(by: .seconds(3))
        let outcome = try #require(harness.recorder.outcomes.first)
        #expect(outcome.sentCode == .protocolError)
        #expect(outcome.error != nil)
    }

    @Test("messages sent from inside the message callback go out with the read's flush")
    func sendFromCallback() throws {
        let harness = try SocketHarness()
        harness.recorder.echo = true
        try harness.feed([0x81, 0x02, 0x68, 0x69, 0x82, 0x01, 0x07])
        #expect(harness.recorder.messages == [.text("hi"), .binary(ByteBuffer(bytes: [7]))])
        let written = try harness.written()
        // Two masked frames: text "hi" (2 + 4 + 2 bytes), binary [7] (2 + 4 + 1 bytes), in order.
        #expect(written.count == 15)
        #expect(written.first == 0x81)
        #expect(written[8] == 0x82)
        #expect(harness.socket.wireBytesWritten == 15)
        #expect(harness.socket.wireBytesRead == 7)
        _ = try? harness.channel.finish()
    }

    @Test("sending after our close frame is refused with notOpen")
    func sendAfterClose() throws {
        let harness = try SocketHarness()
        try harness.socket.close()
        #expect(!harness.socket.isOpen)
        #expect(throws: SendError.notOpen) { try harness.socket.send(.text("late")) }
        _ = try? harness.channel.finish()
    }
}
