import NIOCore
import NIOEmbedded
import TLSOpenSSL
import TestSupport
import Testing

@Suite("Application data, flushing and closing through the TLS handlers")
struct TLSDataTests {
    let certificates: CertificateFactory

    init() throws {
        certificates = try CertificateFactory.shared()
    }

    private func connectedPair() throws -> TLSTestPair {
        let pair = try TLSTestPair(client: certificates.client(), server: certificates.server())
        try pair.pump()
        try #require(pair.clientRecorder.handshakes.count == 1)
        try #require(pair.serverRecorder.handshakes.count == 1)
        return pair
    }

    @Test("Plaintext goes both ways and arrives unchanged")
    func roundTrip() throws {
        let pair = try connectedPair()
        try pair.client.writeAndFlush(ByteBuffer(string: "GET / HTTP/1.1\r\n\r\n")).wait()
        try pair.pump()
        #expect(pair.serverRecorder.received == ByteBuffer(string: "GET / HTTP/1.1\r\n\r\n"))

        try pair.server.writeAndFlush(ByteBuffer(string: "HTTP/1.1 101 Switching Protocols\r\n\r\n")).wait()
        try pair.pump()
        #expect(pair.clientRecorder.received == ByteBuffer(string: "HTTP/1.1 101 Switching Protocols\r\n\r\n"))
    }

    @Test("The bytes on the wire are not the plaintext")
    func encrypted() throws {
        let pair = try connectedPair()
        let secret = String(repeating: "secret ", count: 20)
        pair.client.write(ByteBuffer(string: secret), promise: nil)
        pair.client.flush()
        let wire = try #require(try pair.client.readOutbound(as: ByteBuffer.self))
        #expect(wire.readableBytes > secret.utf8.count)
        #expect(!String(buffer: wire).contains("secret"))
        #expect(wire.getInteger(at: 0, as: UInt8.self) == 23)  // TLS record type application_data
    }

    @Test("Writes made before the handshake completes are held, then sent once it does")
    func writeBeforeHandshake() throws {
        let pair = try TLSTestPair(client: certificates.client(), server: certificates.server())
        let written = pair.client.writeAndFlush(ByteBuffer(string: "early"))
        try pair.pump()
        try written.wait()
        #expect(pair.serverRecorder.received == ByteBuffer(string: "early"))
    }

    @Test("The handshake event comes before any plaintext, even data the server wrote before it finished")
    func eventOrder() throws {
        let pair = try TLSTestPair(client: certificates.client(), server: certificates.server())
        pair.server.writeAndFlush(ByteBuffer(string: "server speaks first"), promise: nil)
        pair.client.writeAndFlush(ByteBuffer(string: "client speaks first"), promise: nil)
        try pair.pump()
        #expect(pair.clientRecorder.log == ["handshake", "read"])
        #expect(pair.serverRecorder.log == ["handshake", "read"])
        #expect(pair.clientRecorder.received == ByteBuffer(string: "server speaks first"))
        #expect(pair.serverRecorder.received == ByteBuffer(string: "client speaks first"))
    }

    @Test("Several writes are encrypted into one outbound buffer on flush, and every promise completes")
    func coalescing() throws {
        let pair = try connectedPair()
        let first = pair.client.write(ByteBuffer(string: "one "))
        let second = pair.client.write(ByteBuffer(string: "two "))
        pair.client.write(ByteBuffer(string: "three"), promise: nil)
        #expect(try pair.client.readOutbound(as: ByteBuffer.self) == nil)  // nothing before the flush
        pair.client.flush()
        let wire = try #require(try pair.client.readOutbound(as: ByteBuffer.self))
        #expect(try pair.client.readOutbound(as: ByteBuffer.self) == nil)
        try first.wait()
        try second.wait()
        try pair.server.writeInbound(wire)
        #expect(pair.serverRecorder.received == ByteBuffer(string: "one two three"))
    }

    @Test("A payload larger than one TLS record arrives whole, in one read per network read")
    func largePayload() throws {
        let pair = try connectedPair()
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try pair.client.writeAndFlush(ByteBuffer(bytes: bytes)).wait()
        let wire = try #require(try pair.client.readOutbound(as: ByteBuffer.self))
        try pair.server.writeInbound(wire)
        #expect(pair.serverRecorder.received == ByteBuffer(bytes: bytes))
        #expect(pair.serverRecorder.reads == 1)
    }

    @Test("Ciphertext delivered one byte at a time still decrypts")
    func byteAtATime() throws {
        let pair = try connectedPair()
        try pair.server.writeAndFlush(ByteBuffer(string: "split anywhere")).wait()
        var wire = try #require(try pair.server.readOutbound(as: ByteBuffer.self))
        while let byte = wire.readSlice(length: 1) {
            try pair.client.writeInbound(byte)
        }
        #expect(pair.clientRecorder.received == ByteBuffer(string: "split anywhere"))
    }

    @Test("Closing sends close_notify; the peer answers it and closes too")
    func closeNotify() throws {
        let pair = try connectedPair()
        try pair.client.close().wait()
        try pair.pump()
        #expect(!pair.server.isActive)
        #expect(pair.serverRecorder.inactive)
        #expect(pair.serverRecorder.errors.isEmpty)
        #expect(pair.clientRecorder.errors.isEmpty)
    }

    @Test("A write after the close fails instead of being sent")
    func writeAfterClose() throws {
        let pair = try connectedPair()
        try pair.client.close().wait()
        #expect(throws: (any Error).self) { try pair.client.writeAndFlush(ByteBuffer(string: "late")).wait() }
    }

    @Test("Corrupted ciphertext after the handshake is a tls.protocol error and closes the channel")
    func corruptedRecord() throws {
        let pair = try connectedPair()
        try pair.client.writeAndFlush(ByteBuffer(string: "hello")).wait()
        try pair.pump()  // first application data seen, so later failures are not handshake failures
        try pair.server.writeAndFlush(ByteBuffer(string: "hello back")).wait()
        var wire = try #require(try pair.server.readOutbound(as: ByteBuffer.self))
        let last = wire.writerIndex - 1
        wire.setInteger(try #require(wire.getInteger(at: last, as: UInt8.self)) ^ 0xFF, at: last)
        try pair.client.writeInbound(wire)
        #expect(pair.clientError?.code == "tls.protocol")
        #expect(!pair.client.isActive)
    }
}
