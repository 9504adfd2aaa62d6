import NIOCore
import TestSupport
import Testing
import WSProtocol

@Suite("MessageAssembler")
struct MessageAssemblerTests {
    @Test("delivers a single-frame message as the frame's own payload slice")
    func singleFrame() throws {
        var assembler = MessageAssembler()
        let payload = ByteBuffer(string: "Hello")
        let messageValue = try assembler.append(Frame(fin: true, opcode: .text, payload: payload))
        let message = try #require(messageValue)
        #expect(message == .text("Hello"))
        payload.withUnsafeReadableBytes { original in
            message.payload.withUnsafeReadableBytes { delivered in
                #expect(original.baseAddress == delivered.baseAddress)
            }
        }
    }

    @Test("reassembles fragments and ignores control frames between them")
    func fragments() throws {
        var assembler = MessageAssembler()
        #expect(try assembler.append(frame(.binary, [1, 2], fin: false)) == nil)
        #expect(assembler.isAssembling)
        #expect(try assembler.append(frame(.ping, [9])) == nil)
        #expect(try assembler.append(frame(.continuation, [], fin: false)) == nil)
        #expect(try assembler.append(frame(.continuation, [3])) == .binary(ByteBuffer(bytes: [1, 2, 3])))
        #expect(!assembler.isAssembling)
        // The next message starts clean, reusing the buffer.
        #expect(try assembler.append(frame(.text, Array("a".utf8), fin: false)) == nil)
        #expect(try assembler.append(frame(.continuation, Array("b".utf8))) == .text("ab"))
    }

    @Test("keeps an earlier message intact when the buffer is reused")
    func reuseDoesNotCorrupt() throws {
        var assembler = MessageAssembler()
        _ = try assembler.append(frame(.binary, [1], fin: false))
        let firstValue = try assembler.append(frame(.continuation, [2]))
        let first = try #require(firstValue)
        _ = try assembler.append(frame(.binary, [7], fin: false))
        let secondValue = try assembler.append(frame(.continuation, [8]))
        let second = try #require(secondValue)
        #expect(first.payload.bytes == [1, 2])
        #expect(second.payload.bytes == [7, 8])
    }

    @Test("rejects a continuation with no message to continue (RFC 6455 §5.4, Autobahn 5.9)")
    func unexpectedContinuation() {
        var assembler = MessageAssembler()
        #expect(throws: ProtocolError.unexpectedContinuation) { try assembler.append(frame(.continuation, [1])) }
    }

    @Test("rejects a new data frame inside a fragmented message (Autobahn 5.18)", arguments: [Opcode.text, .binary])
    func expectedContinuation(opcode: Opcode) throws {
        var assembler = MessageAssembler()
        _ = try assembler.append(frame(.text, [0x41], fin: false))
        #expect(throws: ProtocolError.expectedContinuation(opcode: opcode.rawValue)) {
            try assembler.append(frame(opcode, [0x42]))
        }
    }

    @Test("fails on invalid UTF-8 in a fragment before the message ends")
    func utf8FailFastAcrossFragments() throws {
        var assembler = MessageAssembler()
        _ = try assembler.append(frame(.text, [0xCE, 0xBA, 0xCF, 0x8C], fin: false))
        // ED at offset 4 may start a code point; A0 at offset 5 makes it a surrogate.
        #expect(throws: ProtocolError.invalidUTF8(byteOffset: 5)) {
            try assembler.append(frame(.continuation, [0xED, 0xA0, 0x80], fin: false))
        }
    }

    @Test("validates a code point split across fragments")
    func codePointAcrossFragments() throws {
        var assembler = MessageAssembler()
        let bytes = Array("€".utf8)
        _ = try assembler.append(frame(.text, [bytes[0]], fin: false))
        _ = try assembler.append(frame(.continuation, [bytes[1]], fin: false))
        #expect(try assembler.append(frame(.continuation, [bytes[2]])) == .text("€"))
    }

    @Test("fails a text message that ends inside a code point")
    func truncatedAtEnd() throws {
        var assembler = MessageAssembler()
        _ = try assembler.append(frame(.text, [0x41], fin: false))
        #expect(throws: ProtocolError.invalidUTF8(byteOffset: 1)) {
            try assembler.append(frame(.continuation, [0xE2, 0x82]))
        }
    }

    @Test("does not validate binary messages")
    func binaryNotValidated() throws {
        var assembler = MessageAssembler()
        #expect(try assembler.append(frame(.binary, [0xFF, 0xFE])) == .binary(ByteBuffer(bytes: [0xFF, 0xFE])))
    }

    @Test("checks the message size at the limit and one past", arguments: [1, 2, 10])
    func messageSizeLimit(fragments: Int) throws {
        let limit = 100
        func run(total: Int) throws(ProtocolError) -> Message? {
            var assembler = MessageAssembler(maxMessageSize: limit)
            var sent = 0
            var index = 0
            var result: Message?
            while index < fragments {
                let size = index == fragments - 1 ? total - sent : total / fragments
                sent += size
                result = try assembler.append(
                    frame(index == 0 ? .binary : .continuation, pattern(size), fin: index == fragments - 1)
                )
                index += 1
            }
            return result
        }
        #expect(try run(total: limit)?.payload.readableBytes == limit)
        #expect(throws: ProtocolError.messageTooLarge(size: limit + 1, limit: limit)) { try run(total: limit + 1) }
        #expect(ProtocolError.messageTooLarge(size: limit + 1, limit: limit).closeCode == 1009)
    }

    @Test("fails an oversize message from the header of an arriving frame")
    func sizeFromArrivingHeader() {
        var assembler = MessageAssembler(maxMessageSize: 10)
        let header = FrameHeader(fin: true, opcode: .binary, payloadLength: 11)
        #expect(throws: ProtocolError.messageTooLarge(size: 11, limit: 10)) {
            try assembler.inspectArrivingPayload(header: header, bytes: ByteBuffer(bytes: [1]))
        }
    }

    @Test("validates arriving text once: bytes inspected early are not fed again")
    func inspectThenAppend() throws {
        var assembler = MessageAssembler()
        let text = Array("Grüße".utf8)
        let header = FrameHeader(fin: true, opcode: .text, payloadLength: text.count)
        try assembler.inspectArrivingPayload(header: header, bytes: ByteBuffer(bytes: text[..<3]))
        try assembler.inspectArrivingPayload(header: header, bytes: ByteBuffer(bytes: text[3..<5]))
        #expect(try assembler.append(frame(.text, text)) == .text("Grüße"))
    }

    @Test("fails arriving text at the first bad byte, before the frame is complete")
    func inspectFailsFast() throws {
        var assembler = MessageAssembler()
        let header = FrameHeader(fin: true, opcode: .text, payloadLength: 50)
        try assembler.inspectArrivingPayload(header: header, bytes: ByteBuffer(string: "valid"))
        #expect(throws: ProtocolError.invalidUTF8(byteOffset: 6)) {
            try assembler.inspectArrivingPayload(header: header, bytes: ByteBuffer(bytes: [0x41, 0xC0]))
        }
    }

    @Test("inflates compressed messages frame by frame and validates the inflated text")
    func compressed() throws {
        let compression = XORTestCompression()
        var assembler = MessageAssembler(compression: compression)
        let wire = Array("Hello".utf8).map { $0 ^ 0xFF }
        #expect(try assembler.append(frame(.text, Array(wire[..<2]), fin: false, rsv: .rsv1)) == nil)
        #expect(try assembler.append(frame(.continuation, Array(wire[2...]))) == .text("Hello"))
        #expect(compression.decompressCalls.map(\.1) == [false, true])
        // A following uncompressed message is not inflated.
        #expect(try assembler.append(frame(.text, Array("plain".utf8))) == .text("plain"))
        #expect(compression.decompressCalls.count == 2)
        #expect(throws: ProtocolError.invalidUTF8(byteOffset: 0)) {
            try assembler.append(frame(.text, [0xFF ^ 0xFF], rsv: .rsv1))
        }
    }

    @Test("rejects RSV1 when no compression was negotiated and on continuations (RFC 7692 §6.1)")
    func rsv1Rules() throws {
        var plain = MessageAssembler()
        #expect(
            throws: ProtocolError.compressedFrameInvalid(
                reason: "RSV1 is set but permessage-deflate was not negotiated"
            )
        ) {
            try plain.append(frame(.text, [0x41], rsv: .rsv1))
        }
        var deflating = MessageAssembler(compression: XORTestCompression())
        _ = try deflating.append(frame(.text, [0xBE], fin: false, rsv: .rsv1))
        #expect(throws: ProtocolError.compressedFrameInvalid(reason: "RSV1 is set on a continuation frame")) {
            try deflating.append(frame(.continuation, [0xBE], rsv: .rsv1))
        }
    }

    @Test("passes the inflated-size limit to the compression and its errors through")
    func compressionErrors() throws {
        var limited = MessageAssembler(maxMessageSize: 3, compression: XORTestCompression())
        #expect(throws: ProtocolError.messageTooLarge(size: 4, limit: 3)) {
            try limited.append(frame(.binary, [1, 2, 3, 4], rsv: .rsv1))
        }
        var failing = MessageAssembler(compression: XORTestCompression(failure: "bad block"))
        #expect(throws: ProtocolError.decompressionFailed(reason: "bad block")) {
            try failing.append(frame(.binary, [1], rsv: .rsv1))
        }
    }
}
