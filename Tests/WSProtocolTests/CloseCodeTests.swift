import NIOCore
import TestSupport
import Testing
import WSProtocol

@Suite("Close codes and payloads")
struct CloseCodeTests {
    static let accepted: [UInt16] = [
        1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999,
    ]
    static let rejected: [UInt16] = [0, 1, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535]

    @Test("accepts the codes RFC 6455 §7.4 allows on the wire (Autobahn 7.7)", arguments: accepted)
    func accepts(code: UInt16) throws {
        #expect(try CloseCode(validatingReceived: code).rawValue == code)
        #expect(CloseCode(rawValue: code).isAllowedOnWire)
    }

    @Test("rejects codes that must not be received (Autobahn 7.9)", arguments: rejected)
    func rejects(code: UInt16) {
        #expect(throws: ProtocolError.badCloseCode(code)) { try CloseCode(validatingReceived: code) }
        #expect(ProtocolError.badCloseCode(code).closeCode == 1002)
    }

    @Test("names registered codes")
    func descriptions() {
        #expect(CloseCode.normalClosure.description == "1000 (normal closure)")
        #expect(CloseCode.abnormalClosure.description == "1006 (abnormal closure)")
        #expect(CloseCode(rawValue: 4000).description == "4000 (application-defined)")
        #expect(CloseCode(rawValue: 3001).name == "registered by a library or framework")
        #expect(CloseCode(rawValue: 2000).description == "2000")
        #expect(CloseCode(rawValue: 2000).name == nil)
    }

    @Test("parses an empty close payload as no code")
    func emptyPayload() throws {
        #expect(try ClosePayload(parsing: ByteBuffer()) == ClosePayload(code: nil))
    }

    @Test("rejects a 1-byte close payload (Autobahn 7.3.2)")
    func oneBytePayload() {
        #expect(throws: ProtocolError.closePayloadTooShort) { try ClosePayload(parsing: ByteBuffer(bytes: [0x03])) }
    }

    @Test("parses a code with and without a reason")
    func codeAndReason() throws {
        #expect(try ClosePayload(parsing: ByteBuffer(hex: "03 e8")) == ClosePayload(code: .normalClosure))
        var buffer = ByteBuffer(hex: "0f a0")
        buffer.writeString("bye ✓")
        #expect(try ClosePayload(parsing: buffer) == ClosePayload(code: CloseCode(rawValue: 4000), reason: "bye ✓"))
    }

    @Test("accepts a reason of 123 bytes, the most that fits (Autobahn 7.3.5)")
    func longestReason() throws {
        var buffer = ByteBuffer(hex: "03 e8")
        buffer.writeString(String(repeating: "*", count: 123))
        #expect(try ClosePayload(parsing: buffer).reason.utf8.count == 123)
    }

    @Test("rejects a payload over 125 bytes even outside a frame")
    func tooLong() {
        var buffer = ByteBuffer(hex: "03 e8")
        buffer.writeString(String(repeating: "*", count: 124))
        #expect(throws: ProtocolError.controlFrameTooLong(length: 126)) { try ClosePayload(parsing: buffer) }
    }

    @Test("rejects a reason that is not UTF-8 (Autobahn 7.5.1)")
    func invalidReason() {
        let payload = ByteBuffer(hex: "03 e8 ce ba e1 bd b9 cf 83 ce bc ce b5 ed a0 80 65 64 69 74 65 64")
        #expect(throws: ProtocolError.invalidCloseReason) { try ClosePayload(parsing: payload) }
        #expect(ProtocolError.invalidCloseReason.closeCode == 1007)
    }

    @Test("rejects a bad code before looking at the reason")
    func badCodeFirst() {
        #expect(throws: ProtocolError.badCloseCode(1005)) { try ClosePayload(parsing: ByteBuffer(hex: "03 ed ff")) }
    }

    @Test("encodes code then reason, and nothing without a code")
    func encodes() {
        var buffer = ByteBuffer()
        ClosePayload(code: .goingAway, reason: "bye").write(into: &buffer)
        #expect(buffer.bytes == [UInt8](hex: "03 e9 62 79 65"))
        #expect(ClosePayload(code: .goingAway, reason: "bye").encodedSize == 5)
        var empty = ByteBuffer()
        ClosePayload(code: nil, reason: "ignored").write(into: &empty)
        #expect(empty.readableBytes == 0)
    }
}
