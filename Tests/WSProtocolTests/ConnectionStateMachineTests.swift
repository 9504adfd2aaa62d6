import NIOCore
import TestSupport
import Testing
import WSProtocol

@Suite("ConnectionStateMachine: data, pings and pongs")
struct ConnectionDataTests {
    @Test("ping → pong with the same payload, masked by the client (RFC 6455 §5.5.2)", arguments: [0, 1, 125])
    func pingPong(length: Int) {
        var script = ConnectionScript(role: .client)
        let ping = script.peer(.ping, pattern(length))
        #expect(script.receive(ping) == [.write(.pong, pattern(length))])
    }

    @Test("10 pings in one read → 10 pongs in order (Autobahn 2.10)")
    func tenPings() {
        var script = ConnectionScript(role: .client)
        var wire: [UInt8] = []
        for index in 0..<10 {
            wire += script.peer(.ping, "ping \(index)")
        }
        #expect(script.receive(wire) == (0..<10).map { .write(.pong, Array("ping \($0)".utf8)) })
    }

    @Test("unsolicited pong → reported, not answered (RFC 6455 §5.5.3)")
    func unsolicitedPong() {
        var script = ConnectionScript(role: .client)
        let pong = script.peer(.pong, "beat")
        #expect(script.receive(pong) == [.pong(Array("beat".utf8))])
    }

    @Test("text and binary frames → delivered messages")
    func deliversMessages() {
        var script = ConnectionScript(role: .client)
        let wire = script.peer(.text, "Hello") + script.peer(.binary, [1, 2, 3])
        #expect(script.receive(wire) == [.deliverText("Hello"), .deliver(.binary(ByteBuffer(bytes: [1, 2, 3])))])
    }

    @Test("a server unmasks client frames")
    func serverUnmasks() {
        var script = ConnectionScript(role: .server)
        #expect(script.receive([UInt8](hex: "81 85 37 fa 21 3d 7f 9f 4d 51 58")) == [.deliverText("Hello")])
    }

    @Test("pings interleaved in a fragmented message are answered at once (Autobahn 5.6-5.8)")
    func interleavedPing() {
        var script = ConnectionScript(role: .client)
        let first = script.peer(.text, "frag", fin: false)
        let ping = script.peer(.ping, "p")
        let last = script.peer(.continuation, "ment")
        #expect(script.receive(first) == [])
        #expect(script.receive(ping) == [.write(.pong, Array("p".utf8))])
        #expect(script.receive(last) == [.deliverText("fragment")])
    }

    @Test("the same script gives the same actions whatever way the input is split")
    func splitAnywhere() {
        var script = ConnectionScript(role: .server)
        let wire =
            script.peer(.text, "He", fin: false) + script.peer(.ping, "x") + script.peer(.continuation, "llo")
            + script.peer(.binary, pattern(200)) + script.peer(.close, closeBytes(1000, "done"))
        let expected: [Step] = [
            .write(.pong, Array("x".utf8)),
            .deliverText("Hello"),
            .deliver(.binary(ByteBuffer(bytes: pattern(200)))),
            .writeClose(1000),
            .closeTransport,
            .closed(.of(1000, "done", by: .remote, clean: true, sent: 1000)),
        ]
        let mismatches = SplitFeeder.verify(
            input: wire,
            expected: expected,
            makeDecoder: { ConnectionScript(role: .server) },
            decode: { script, cumulation in script.receive(&cumulation) }
        )
        #expect(mismatches.isEmpty, "\(mismatches.prefix(2))")
    }

    @Test("pauses after each delivered message so the application can answer before later frames (Autobahn 3.2)")
    func pausesAfterMessage() throws {
        var script = ConnectionScript(role: .client)
        let wire = script.peer(.text, "Hello") + script.peer(.text, [0x41], rsv: .rsv1) + script.peer(.ping, "p")
        let (first, paused) = script.receiveOnce(wire)
        #expect(first == [.deliverText("Hello")])
        #expect(paused == .pausedAfterMessage)
        // The application echoes before the rest is handled.
        #expect(try script.send(.text("Hello")) == [.write(.text, Array("Hello".utf8))])
        let (rest, done) = script.continueOnce()
        #expect(rest == failSteps(.reservedBitsSet(mask: 0x40)))
        #expect(done == .needMoreBytes)
    }

    @Test("does not pause after the last buffered frame, nor for control frames")
    func noNeedlessPause() {
        var script = ConnectionScript(role: .client)
        let wire = script.peer(.ping, "a") + script.peer(.text, "last")
        let (steps, result) = script.receiveOnce(wire)
        #expect(steps == [.write(.pong, Array("a".utf8)), .deliverText("last")])
        #expect(result == .needMoreBytes)
    }

    @Test("pauses with a partial frame buffered and keeps it for the next read")
    func pauseWithPartialFrame() {
        var script = ConnectionScript(role: .client)
        let next = script.peer(.text, "second")
        let wire = script.peer(.text, "first") + Array(next.prefix(4))
        let (steps, result) = script.receiveOnce(wire)
        #expect(steps == [.deliverText("first")])
        #expect(result == .pausedAfterMessage)
        #expect(script.continueOnce() == ([], .needMoreBytes))
        #expect(script.receive(Array(next.dropFirst(4))) == [.deliverText("second")])
    }

    @Test("sends text as one masked frame, or fragmented with continuations")
    func sendsMessages() throws {
        var script = ConnectionScript(role: .client)
        #expect(try script.send(.text("Hello")) == [.write(.text, Array("Hello".utf8))])
        #expect(
            try script.send(.binary(ByteBuffer(bytes: pattern(5))), fragmentSize: 2) == [
                .write(.binary, Array(pattern(5)[0..<2]), fin: false),
                .write(.continuation, Array(pattern(5)[2..<4]), fin: false),
                .write(.continuation, Array(pattern(5)[4...])),
            ]
        )
    }

    @Test("sends and receives compressed messages when compression was negotiated")
    func compression() throws {
        var script = ConnectionScript(role: .client, compression: XORTestCompression())
        let hello = Array("Hello".utf8)
        #expect(try script.send(.text("Hello")) == [.write(.text, hello.map { $0 ^ 0xFF }, rsv: 0x40)])
        #expect(try script.send(.text("Hello"), compress: false) == [.write(.text, hello)])
        let compressed = script.peer(.text, hello.map { $0 ^ 0xFF }, rsv: .rsv1)
        #expect(script.receive(compressed) == [.deliverText("Hello")])
    }

    @Test("sends a 125-byte ping and a close with a 123-byte reason, the largest that fit")
    func largestControlPayloads() throws {
        var script = ConnectionScript(role: .client)
        #expect(try script.ping(pattern(125)) == [.write(.ping, pattern(125))])
        let reason = String(repeating: "r", count: 123)
        #expect(try script.close(.normalClosure, reason: reason) == [.writeClose(1000, reason), .startCloseTimer])
    }

    @Test("refuses oversize control payloads and invalid close requests without sending anything")
    func sendRefusals() {
        var script = ConnectionScript(role: .client)
        #expect(throws: SendError.controlPayloadTooLong(length: 126)) { try script.ping(pattern(126)) }
        #expect(throws: SendError.invalidCloseCode(1005)) { try script.close(.noStatusReceived) }
        #expect(throws: SendError.closeReasonTooLong(bytes: 124)) {
            try script.close(reason: String(repeating: "x", count: 124))
        }
        #expect(script.machine.isOpen)
    }
}

@Suite("ConnectionStateMachine: closing")
struct ConnectionCloseTests {
    @Test("client: close received → echo, timer, then the server ends TCP → clean close (RFC 6455 §7.1.1)")
    func clientReceivesClose() {
        var script = ConnectionScript(role: .client)
        let close = script.peer(.close, closeBytes(1001, "going"))
        #expect(script.receive(close) == [.writeClose(1001), .startCloseTimer])
        #expect(!script.machine.isOpen)
        #expect(throws: SendError.notOpen) { try script.send(.text("late")) }
        #expect(script.transportClosed() == [.closed(.of(1001, "going", by: .remote, clean: true, sent: 1001))])
        #expect(script.transportClosed() == [])
        #expect(script.machine.isClosed)
    }

    @Test("an empty close is answered with 1000 and reported as 1005 (Autobahn 7.3.1)")
    func emptyClose() {
        var script = ConnectionScript(role: .client)
        let close = script.peer(.close, [])
        #expect(script.receive(close) == [.writeClose(1000), .startCloseTimer])
        #expect(script.transportClosed() == [.closed(.of(1005, by: .remote, clean: true, sent: 1000))])
    }

    @Test(
        "every valid received code is echoed (Autobahn 7.7)",
        arguments: [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999]
            as [UInt16]
    )
    func echoesValidCodes(code: UInt16) {
        var script = ConnectionScript(role: .client)
        let close = script.peer(.close, closeBytes(code))
        #expect(script.receive(close) == [.writeClose(code), .startCloseTimer])
    }

    @Test(
        "an invalid received code fails with 1002 (Autobahn 7.9)",
        arguments: [0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000] as [UInt16]
    )
    func rejectsInvalidCodes(code: UInt16) {
        var script = ConnectionScript(role: .client)
        let close = script.peer(.close, closeBytes(code))
        #expect(script.receive(close) == failSteps(.badCloseCode(code)))
    }

    @Test("a 1-byte close payload fails with 1002, an invalid reason with 1007 (Autobahn 7.3.2, 7.5.1)")
    func badClosePayloads() {
        var script = ConnectionScript(role: .client)
        let oneByte = script.peer(.close, [0x03])
        #expect(script.receive(oneByte) == failSteps(.closePayloadTooShort))
        var other = ConnectionScript(role: .client)
        let badReason = other.peer(.close, closeBytes(1000) + [0xED, 0xA0, 0x80])
        #expect(other.receive(badReason) == failSteps(.invalidCloseReason))
    }

    @Test("server: close received → echo, then the server ends TCP itself")
    func serverReceivesClose() {
        var script = ConnectionScript(role: .server)
        let close = script.peer(.close, closeBytes(1000))
        #expect(
            script.receive(close) == [
                .writeClose(1000), .closeTransport, .closed(.of(1000, by: .remote, clean: true, sent: 1000)),
            ]
        )
        #expect(script.transportClosed() == [])
    }

    @Test("client: local close → close frame and timer; the server's close and TCP end make it clean")
    func clientInitiates() throws {
        var script = ConnectionScript(role: .client)
        #expect(try script.close(.normalClosure, reason: "done") == [.writeClose(1000, "done"), .startCloseTimer])
        #expect(try script.close() == [])
        let reply = script.peer(.close, closeBytes(1000))
        #expect(script.receive(reply) == [])
        #expect(script.transportClosed() == [.closed(.of(1000, by: .local, clean: true, sent: 1000))])
    }

    @Test("server: local close → close frame and timer; the client's close → TCP end")
    func serverInitiates() throws {
        var script = ConnectionScript(role: .server)
        #expect(try script.close(CloseCode(rawValue: 4000)) == [.writeClose(4000), .startCloseTimer])
        let reply = script.peer(.close, closeBytes(4000))
        #expect(
            script.receive(reply) == [.closeTransport, .closed(.of(4000, by: .local, clean: true, sent: 4000))]
        )
    }

    @Test("close with no code sends an empty payload")
    func closeWithoutCode() throws {
        var script = ConnectionScript(role: .client)
        #expect(try script.close(nil, reason: "dropped") == [.writeClose(nil), .startCloseTimer])
    }

    @Test("close timer before the peer's close → TCP closed by us, 1006, not clean")
    func timerBeforeReply() throws {
        var script = ConnectionScript(role: .client)
        _ = try script.close()
        #expect(
            script.closeTimerFired() == [
                .closeTransport, .closed(.of(1006, by: .local, clean: false, sent: 1000, timedOut: true)),
            ]
        )
        #expect(script.transportClosed() == [])
    }

    @Test("close timer after the handshake but before the server ends TCP → we close TCP, still clean")
    func timerAfterHandshake() {
        var script = ConnectionScript(role: .client)
        let close = script.peer(.close, closeBytes(1000))
        _ = script.receive(close)
        #expect(
            script.closeTimerFired() == [
                .closeTransport, .closed(.of(1000, by: .remote, clean: true, sent: 1000, timedOut: true)),
            ]
        )
    }

    @Test("a timer firing while open does nothing")
    func timerWhileOpen() {
        var script = ConnectionScript(role: .client)
        #expect(script.closeTimerFired() == [])
        #expect(script.machine.isOpen)
    }

    @Test("transport ends without a close frame → 1006, not clean (RFC 6455 §7.1.5)")
    func transportDrop() {
        var script = ConnectionScript(role: .client)
        #expect(script.transportClosed() == [.closed(.of(1006, by: .remote, clean: false))])
    }

    @Test("transport ends after our close but before the reply → 1006, initiated locally")
    func transportDropAfterClose() throws {
        var script = ConnectionScript(role: .client)
        _ = try script.close(.goingAway)
        #expect(script.transportClosed() == [.closed(.of(1006, by: .local, clean: false, sent: 1001))])
    }

    @Test("after our close: data still delivered, pings not answered, sends refused")
    func afterLocalClose() throws {
        var script = ConnectionScript(role: .client)
        _ = try script.close()
        let wire = script.peer(.text, "in flight") + script.peer(.ping, "p")
        #expect(script.receive(wire) == [.deliverText("in flight")])
        #expect(throws: SendError.notOpen) { try script.ping([]) }
        #expect(throws: SendError.notOpen) { try script.send(.text("no")) }
    }

    @Test("frames after the peer's close are ignored (Autobahn 7.1.3, 7.1.4)")
    func afterRemoteClose() {
        var script = ConnectionScript(role: .client)
        let wire = script.peer(.close, closeBytes(1000)) + script.peer(.ping, "p") + script.peer(.text, "t")
        #expect(script.receive(wire) == [.writeClose(1000), .startCloseTimer])
        let more = script.peer(.text, "later")
        #expect(script.receive(more) == [])
    }

    @Test("a fragment, a close, then the rest: the close is echoed with 1000, nothing delivered (Autobahn 7.1.5)")
    func closeInsideFragmentedMessage() {
        var script = ConnectionScript(role: .client)
        let wire =
            script.peer(.text, "frag", fin: false) + script.peer(.close, closeBytes(1000))
            + script.peer(.continuation, "ment")
        #expect(script.receive(wire) == [.writeClose(1000), .startCloseTimer])
    }
}

@Suite("ConnectionStateMachine: failing the connection")
struct ConnectionFailureTests {
    @Test(
        "reserved opcodes → close 1002 then TCP close (Autobahn 4.x)",
        arguments: [3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF] as [UInt8]
    )
    func reservedOpcode(opcode: UInt8) {
        var script = ConnectionScript(role: .client)
        #expect(script.receive([0x80 | opcode, 0x00]) == failSteps(.reservedOpcode(opcode)))
    }

    @Test("a valid frame then reserved bits: the first is handled, then 1002 (Autobahn 3.x)")
    func reservedBitsAfterValidFrame() {
        var script = ConnectionScript(role: .client)
        let wire = script.peer(.text, "ok") + [0xC1, 0x00] + script.peer(.ping, "never")
        #expect(script.receive(wire) == [.deliverText("ok")] + failSteps(.reservedBitsSet(mask: 0x40)))
        let more = script.peer(.text, "after")
        #expect(script.receive(more) == [])
        #expect(script.transportClosed() == [])
    }

    @Test("a 126-byte ping → 1002 (Autobahn 2.5)")
    func longPing() {
        var script = ConnectionScript(role: .client)
        let wire = [UInt8](hex: "89 7e 00 7e") + pattern(126)
        #expect(script.receive(wire) == failSteps(.controlFrameTooLong(length: 126)))
    }

    @Test("a fragmented ping → 1002 (Autobahn 5.1)")
    func fragmentedPing() {
        var script = ConnectionScript(role: .client)
        let wire = script.peer(.ping, "a", fin: false)
        #expect(script.receive(wire) == failSteps(.fragmentedControlFrame(opcode: 9)))
    }

    @Test("a continuation with nothing to continue → 1002 (Autobahn 5.9)")
    func strayContinuation() {
        var script = ConnectionScript(role: .client)
        let wire = script.peer(.continuation, "x")
        #expect(script.receive(wire) == failSteps(.unexpectedContinuation))
    }

    @Test("a masked frame to a client → 1002 (RFC 6455 §5.1)")
    func maskedToClient() {
        var script = ConnectionScript(role: .client)
        #expect(
            script.receive([UInt8](hex: "81 85 37 fa 21 3d 7f 9f 4d 51 58"))
                == failSteps(.unexpectedMasking(masked: true))
        )
    }

    @Test("invalid UTF-8 in a single frame → 1007 (Autobahn 6.x)")
    func invalidText() {
        var script = ConnectionScript(role: .client)
        let wire = script.peer(.text, [0x41, 0xC0, 0x80])
        #expect(script.receive(wire) == failSteps(.invalidUTF8(byteOffset: 1)))
    }

    @Test("invalid UTF-8 in a middle fragment fails before FIN arrives (Autobahn 6.4.1, 6.4.2)")
    func failFastAcrossFragments() {
        var script = ConnectionScript(role: .client)
        let first = script.peer(.text, kosme, fin: false)
        let bad = script.peer(.continuation, [0xF4, 0x90, 0x80, 0x80], fin: false)
        #expect(script.receive(first) == [])
        #expect(script.receive(bad) == failSteps(.invalidUTF8(byteOffset: 12)))
    }

    @Test(
        "invalid UTF-8 inside one frame fails when the bad chop arrives, before the frame is complete (Autobahn 6.4.3, 6.4.4)",
        arguments: [EndpointRole.client, .server]
    )
    func failFastWithinFrame(role: EndpointRole) {
        var script = ConnectionScript(role: role)
        let payload = kosme + [0xF4, 0x90, 0x80, 0x80] + Array("edited".utf8)
        let wire = script.peer(.text, payload)
        let headerSize = wire.count - payload.count
        let firstChop = Array(wire[..<(headerSize + 11)])
        let secondChop = Array(wire[(headerSize + 11)..<(headerSize + 15)])
        #expect(script.receive(firstChop) == [])
        #expect(script.receive(secondChop) == failSteps(.invalidUTF8(byteOffset: 12)))
    }

    @Test("a valid text frame arriving in chops is delivered once, intact", arguments: [EndpointRole.client, .server])
    func chopsOfValidText(role: EndpointRole) {
        var script = ConnectionScript(role: role)
        let text = String(repeating: "κόσμε ", count: 30)
        let wire = script.peer(.text, text)
        var steps: [Step] = []
        var offset = 0
        while offset < wire.count {
            let end = min(offset + 7, wire.count)
            steps += script.receive(Array(wire[offset..<end]))
            offset = end
        }
        #expect(steps == [.deliverText(text)])
    }

    @Test("a frame over the frame limit → 1009 before its payload arrives")
    func frameTooLarge() {
        var script = ConnectionScript(role: .client, limits: Limits(maxFrameSize: 100, maxMessageSize: 1000))
        let atLimit = script.peer(.binary, pattern(100))
        #expect(script.receive(atLimit) == [.deliver(.binary(ByteBuffer(bytes: pattern(100))))])
        let header = Array(script.peer(.binary, pattern(101)).prefix(2))
        #expect(script.receive(header) == failSteps(.frameTooLarge(size: 101, limit: 100)))
    }

    @Test("a message over the message limit → 1009; exactly the limit is delivered")
    func messageTooLarge() {
        var script = ConnectionScript(role: .client, limits: Limits(maxFrameSize: 100, maxMessageSize: 150))
        let exact = script.peer(.binary, pattern(100), fin: false) + script.peer(.continuation, pattern(50))
        #expect(script.receive(exact) == [.deliver(.binary(ByteBuffer(bytes: pattern(100) + pattern(50))))])
        let over =
            script.peer(.binary, pattern(100), fin: false) + Array(script.peer(.continuation, pattern(51)).prefix(2))
        #expect(script.receive(over) == failSteps(.messageTooLarge(size: 151, limit: 150)))
    }

    @Test("RSV1 without negotiated compression → 1002; with it, RSV1 on a continuation → 1002")
    func rsv1Failures() {
        var plain = ConnectionScript(role: .client)
        let compressed = plain.peer(.text, [0x41], rsv: .rsv1)
        #expect(plain.receive(compressed) == failSteps(.reservedBitsSet(mask: 0x40)))
        var deflate = ConnectionScript(role: .client, compression: XORTestCompression())
        let wire = deflate.peer(.text, [0xBE], fin: false, rsv: .rsv1) + deflate.peer(.continuation, [0xBE], rsv: .rsv1)
        #expect(
            deflate.receive(wire) == failSteps(.compressedFrameInvalid(reason: "RSV1 is set on a continuation frame"))
        )
    }

    @Test("a decompression failure → 1002 with the compression's reason")
    func inflateFailure() {
        var script = ConnectionScript(role: .client, compression: XORTestCompression(failure: "invalid block type"))
        let wire = script.peer(.binary, [1, 2], rsv: .rsv1)
        #expect(script.receive(wire) == failSteps(.decompressionFailed(reason: "invalid block type")))
    }

    @Test("a protocol error after our close → TCP close without a second close frame")
    func errorAfterLocalClose() throws {
        var script = ConnectionScript(role: .client)
        _ = try script.close()
        #expect(
            script.receive([0x83, 0x00]) == [
                .closeTransport,
                .closed(.of(1006, by: .local, clean: false, sent: 1000, error: .reservedOpcode(3))),
            ]
        )
    }
}

@Suite("ConnectionStateMachine: large messages")
struct ConnectionLargeMessageTests {
    @Test("delivers a 16 MiB text message, the default limit, arriving in 64 KiB reads (Autobahn 9.1.6)")
    func sixteenMebibytes() {
        var script = ConnectionScript(role: .client)
        let text = [UInt8](repeating: 0x2A, count: Limits.defaultMaxSize)
        let wire = script.peer(.text, text)
        var delivered: [Step] = []
        var offset = 0
        while offset < wire.count {
            let end = min(offset + 65536, wire.count)
            delivered += script.receive(Array(wire[offset..<end]))
            offset = end
        }
        #expect(delivered == [.deliver(Message(kind: .text, payload: ByteBuffer(bytes: text)))])
    }

    @Test("fails a frame one byte over the default limit from its header (1009)")
    func overDefaultLimit() {
        var script = ConnectionScript(role: .client)
        let header = [UInt8](hex: "82 7f 00 00 00 00 01 00 00 01")
        #expect(
            script.receive(header)
                == failSteps(.frameTooLarge(size: UInt64(Limits.defaultMaxSize + 1), limit: Limits.defaultMaxSize))
        )
    }
}
