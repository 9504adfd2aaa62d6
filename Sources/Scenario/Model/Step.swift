/// One action in a connection's script.
package indirect enum Step: Sendable, Hashable {
    case send(SendStep)
    case expect(ExpectStep)
    /// Send a ping (RFC 6455 §5.5.2) and wait for its pong up to `timeout`.
    case ping(payload: String, timeout: Duration)
    case sleep(Duration)
    /// Start the closing handshake (RFC 6455 §7.1.2) with this code and reason.
    case close(code: UInt16, reason: String)
    case `repeat`(RepeatStep)

    /// 1 for a plain step; for `repeat`, 1 plus its nested steps.
    package var flattenedCount: Int {
        if case .repeat(let block) = self { return 1 + block.steps.reduce(0) { $0 + $1.flattenedCount } }
        return 1
    }

    /// The step's keyword as written in the file.
    package var keyword: String {
        switch self {
        case .send: "send"
        case .expect: "expect"
        case .ping: "ping"
        case .sleep: "sleep"
        case .close: "close"
        case .repeat: "repeat"
        }
    }
}
