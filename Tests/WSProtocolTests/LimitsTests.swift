import Testing
import WSProtocol

@Suite("Limits")
struct LimitsTests {
    @Test("defaults to 16 MiB frames and messages, enough for Autobahn 9.x")
    func defaults() {
        #expect(Limits.default.maxFrameSize == 16 * 1024 * 1024)
        #expect(Limits.default.maxMessageSize == 16 * 1024 * 1024)
    }

    @Test("keeps configured values")
    func configured() {
        let limits = Limits(maxFrameSize: 10, maxMessageSize: 20)
        #expect(limits.maxFrameSize == 10)
        #expect(limits.maxMessageSize == 20)
    }
}
