import NIOCore
import TestSupport
import Testing
import WSProtocol

@Suite("UTF8Validator")
struct UTF8ValidatorTests {
    static let validStrings: [String] = [
        "",
        "Hello",
        "Hello-µ@ßöäüàá-UTF-8!!",
        "κόσμε",
        "\u{0000}\u{007F}\u{0080}\u{07FF}\u{0800}\u{FFFF}\u{10000}\u{10FFFF}",
        "\u{D7FF}\u{E000}\u{FFFD}\u{FEFF}",
        "日本語のテキストと😀絵文字🎉",
        String(repeating: "a", count: 100) + "é" + String(repeating: "b", count: 17),
        String(repeating: "€", count: 50),
        "Ünïcödé ñ ✓ 𝄞 𐍈",
    ]

    @Test("accepts what Swift accepts, whole and split at every point", arguments: validStrings)
    func acceptsValid(text: String) throws {
        let bytes = Array(text.utf8)
        #expect(String(validating: bytes, as: UTF8.self) != nil)
        #expect(UTF8Validator.isValid(ByteBuffer(bytes: bytes)))
        for split in 0...bytes.count {
            var validator = UTF8Validator()
            try validator.feed(ByteBuffer(bytes: bytes[..<split]))
            try validator.feed(ByteBuffer(bytes: bytes[split...]))
            try validator.finish()
        }
        var validator = UTF8Validator()
        for byte in bytes {
            try validator.feed(ByteBuffer(bytes: [byte]))
        }
        try validator.finish()
        #expect(validator.byteCount == bytes.count)
    }

    struct Invalid: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        /// The offset reported: the first byte that cannot continue, or the start of a truncated sequence.
        var offset: Int
        var testDescription: String { self.name }
    }

    static let invalid: [Invalid] = [
        Invalid(name: "lone continuation byte", bytes: [0x41, 0x80], offset: 1),
        Invalid(name: "overlong 2-byte NUL (C0 80)", bytes: [0xC0, 0x80], offset: 0),
        Invalid(name: "overlong C1 BF", bytes: [0xC1, 0xBF], offset: 0),
        Invalid(name: "overlong 3-byte (E0 80 AF)", bytes: [0xE0, 0x80, 0xAF], offset: 1),
        Invalid(name: "overlong 4-byte (F0 8F BF BF)", bytes: [0xF0, 0x8F, 0xBF, 0xBF], offset: 1),
        Invalid(name: "surrogate U+D800 (ED A0 80)", bytes: [0x61, 0xED, 0xA0, 0x80], offset: 2),
        Invalid(name: "surrogate U+DFFF (ED BF BF)", bytes: [0xED, 0xBF, 0xBF], offset: 1),
        Invalid(name: "above U+10FFFF (F4 90 80 80)", bytes: [0xF4, 0x90, 0x80, 0x80], offset: 1),
        Invalid(name: "F5 lead byte", bytes: [0xF5, 0x80, 0x80, 0x80], offset: 0),
        Invalid(name: "FE byte", bytes: [0x61, 0xFE], offset: 1),
        Invalid(name: "FF byte", bytes: [0xFF], offset: 0),
        Invalid(name: "lead byte followed by ASCII", bytes: [0xC3, 0x41], offset: 1),
        Invalid(name: "truncated 2-byte at end", bytes: [0x61, 0x62, 0xC3], offset: 2),
        Invalid(name: "truncated 3-byte at end", bytes: [0x61, 0xE2, 0x82], offset: 1),
        Invalid(name: "truncated 4-byte at end", bytes: [0xF0, 0x9F, 0x98], offset: 0),
        Invalid(
            name: "Autobahn 6.3.1 (κόσμε then ED A0 80)",
            bytes: [UInt8](hex: "ce ba e1 bd b9 cf 83 ce bc ce b5 ed a0 80 65 64 69 74 65 64"),
            offset: 12
        ),
        Invalid(
            name: "invalid after 16 ASCII bytes (fast path)",
            bytes: Array("abcdefghijklmnop".utf8) + [0x80],
            offset: 16
        ),
    ]

    @Test("rejects invalid sequences at the first impossible byte, whole and split at every point", arguments: invalid)
    func rejectsInvalid(vector: Invalid) {
        #expect(String(validating: vector.bytes, as: UTF8.self) == nil)
        for split in 0...vector.bytes.count {
            var validator = UTF8Validator()
            #expect(throws: ProtocolError.invalidUTF8(byteOffset: vector.offset), "split at \(split)") {
                try validator.feed(ByteBuffer(bytes: vector.bytes[..<split]))
                try validator.feed(ByteBuffer(bytes: vector.bytes[split...]))
                try validator.finish()
            }
        }
    }

    @Test("fails as soon as the bad byte is fed, before the message ends")
    func failsFast() throws {
        var validator = UTF8Validator()
        try validator.feed(ByteBuffer(bytes: kosme))
        // ED is a possible lead byte; A0 (offset 12) makes a surrogate.
        #expect(throws: ProtocolError.invalidUTF8(byteOffset: 12)) {
            try validator.feed(ByteBuffer(bytes: [0xED, 0xA0]))
        }
    }

    @Test("keeps failing after a failure")
    func staysFailed() {
        var validator = UTF8Validator()
        #expect(throws: ProtocolError.self) { try validator.feed(ByteBuffer(bytes: [0xFF])) }
        #expect(throws: ProtocolError.self) { try validator.feed(ByteBuffer(bytes: [0x41])) }
        #expect(throws: ProtocolError.self) { try validator.finish() }
    }

    @Test("agrees with Swift on every 1- and 2-byte sequence")
    func exhaustiveTwoBytes() {
        for first in 0...255 {
            let single = [UInt8(first)]
            #expect(
                UTF8Validator.isValid(ByteBuffer(bytes: single)) == (String(validating: single, as: UTF8.self) != nil)
            )
            for second in 0...255 {
                let pair = [UInt8(first), UInt8(second)]
                let swift = String(validating: pair, as: UTF8.self) != nil
                #expect(UTF8Validator.isValid(ByteBuffer(bytes: pair)) == swift, "\(pair.hexString)")
            }
        }
    }

    @Test("agrees with Swift on random byte strings")
    func randomStrings() {
        var random = SplitMix64(seed: 6455)
        let alphabet: [UInt8] = [
            0x41, 0x7F, 0x80, 0xBF, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xA0, 0x9F, 0x90, 0x8F,
        ]
        for _ in 0..<20_000 {
            let length = Int(random.next() % 9)
            let bytes = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let swift = String(validating: bytes, as: UTF8.self) != nil
            #expect(UTF8Validator.isValid(ByteBuffer(bytes: bytes)) == swift, "\(bytes.hexString)")
        }
    }
}
