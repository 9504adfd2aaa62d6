import LoadRunner
import NIOCore
import Testing

/// The sequence stamp at the start of sized payloads.
struct MessageStampTests {
    @Test(
        "a stamp round-trips in binary and in text, and the payload has exactly the requested size",
        arguments: [false, true]
    )
    func roundTrip(text: Bool) throws {
        var buffer = ByteBuffer()
        MessageStamp.write(seq: 0x0123_4567_89AB_CDEF, intendedNanoseconds: 42, size: 100, text: text, into: &buffer)
        #expect(buffer.readableBytes == 100)
        let stamp = try #require(MessageStamp.read(buffer, text: text))
        #expect(stamp.seq == 0x0123_4567_89AB_CDEF)
        #expect(stamp.intendedNanoseconds == 42)
        if text { #expect(String(buffer: buffer).utf8.allSatisfy { $0 < 0x80 }) }
    }

    @Test("a payload too small for the stamp is padding only and reads as unstamped", arguments: [false, true])
    func tooSmall(text: Bool) {
        var buffer = ByteBuffer()
        MessageStamp.write(seq: 1, intendedNanoseconds: 2, size: 8, text: text, into: &buffer)
        #expect(buffer.readableBytes == 8)
        #expect(MessageStamp.read(buffer, text: text) == nil)
    }

    @Test("text that is not hex is not a stamp")
    func notHex() {
        let buffer = ByteBuffer(string: String(repeating: "z", count: 40))
        #expect(MessageStamp.read(buffer, text: true) == nil)
    }
}
