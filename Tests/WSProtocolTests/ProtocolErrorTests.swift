import Testing
import WSProtocol

@Suite("ProtocolError")
struct ProtocolErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var error: ProtocolError
        var code: String
        var closeCode: UInt16
        var testDescription: String { self.code }
    }

    static let cases: [Case] = [
        Case(error: .reservedBitsSet(mask: 0x40), code: "protocol.reserved-bits", closeCode: 1002),
        Case(error: .reservedOpcode(3), code: "protocol.reserved-opcode", closeCode: 1002),
        Case(error: .unexpectedMasking(masked: true), code: "protocol.masking", closeCode: 1002),
        Case(error: .controlFrameTooLong(length: 126), code: "protocol.control-frame-too-long", closeCode: 1002),
        Case(error: .fragmentedControlFrame(opcode: 9), code: "protocol.fragmented-control-frame", closeCode: 1002),
        Case(error: .payloadLengthTopBitSet, code: "protocol.payload-length", closeCode: 1002),
        Case(error: .unexpectedContinuation, code: "protocol.unexpected-continuation", closeCode: 1002),
        Case(error: .expectedContinuation(opcode: 1), code: "protocol.expected-continuation", closeCode: 1002),
        Case(error: .frameTooLarge(size: 10, limit: 9), code: "protocol.frame-too-large", closeCode: 1009),
        Case(error: .messageTooLarge(size: 10, limit: 9), code: "protocol.message-too-large", closeCode: 1009),
        Case(error: .invalidUTF8(byteOffset: 3), code: "protocol.invalid-utf8", closeCode: 1007),
        Case(error: .closePayloadTooShort, code: "protocol.close-payload", closeCode: 1002),
        Case(error: .badCloseCode(1005), code: "protocol.bad-close-code", closeCode: 1002),
        Case(error: .invalidCloseReason, code: "protocol.close-reason-utf8", closeCode: 1007),
        Case(error: .decompressionFailed(reason: "x"), code: "deflate.inflate-failed", closeCode: 1002),
        Case(error: .compressedFrameInvalid(reason: "x"), code: "deflate.rsv1", closeCode: 1002),
    ]

    @Test("has a stable code, a close code and a sentence for a person", arguments: cases)
    func codes(entry: Case) {
        #expect(entry.error.code == entry.code)
        #expect(entry.error.closeCode == entry.closeCode)
        #expect(entry.error.description.hasSuffix("."))
        #expect(entry.error.description.count > 20)
        #expect(!entry.error.description.contains(entry.code))
    }

    @Test("names the values involved")
    func namesValues() {
        #expect(ProtocolError.frameTooLarge(size: 20_000_000, limit: 16_777_216).description.contains("20000000"))
        #expect(ProtocolError.reservedOpcode(0xB).description.contains("0xb"))
        #expect(ProtocolError.invalidUTF8(byteOffset: 42).description.contains("42"))
    }

    @Test("every send refusal has a stable code and a sentence")
    func sendErrors() {
        let errors: [SendError] = [
            .notOpen, .controlPayloadTooLong(length: 126), .invalidCloseCode(1005), .closeReasonTooLong(bytes: 124),
        ]
        #expect(Set(errors.map(\.code)).count == errors.count)
        for error in errors {
            #expect(error.code.hasPrefix("send."))
            #expect(error.description.hasSuffix("."))
        }
    }
}
