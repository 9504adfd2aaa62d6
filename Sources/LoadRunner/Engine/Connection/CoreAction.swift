import NIOCore
import ResultCodes
import RunResults

/// A timer a `ConnectionCore` arms; its driver reports it back with `ConnectionCore.timerFired`.
enum ConnectionTimer: CaseIterable {
    /// The wait of the current script step: an `expect`, a ping's pong, a `sleep`.
    case script
    /// The per-connection pacer's next send.
    case pacer
    /// The churn lifetime.
    case lifetime
}

/// An error a `ConnectionCore` found; its message is built only when a sample of the code is kept.
enum ConnectionFault {
    /// A message arrived that does not match the awaited `expect` (its payload).
    case expectMismatch(ByteBuffer)
    /// No message arrived within the awaited `expect`'s timeout.
    case expectTimeout
    /// A pipelined message's echo did not arrive within its `expect` timeout.
    case pipelinedTimeout
    /// No pong arrived within the ping's timeout.
    case pingTimeout

    var code: ErrorCode {
        switch self {
        case .expectMismatch: ErrorCode.expectMismatch
        case .expectTimeout, .pipelinedTimeout: ErrorCode.expectTimeout
        case .pingTimeout: ErrorCode.pingTimeout
        }
    }

    var phase: Phase { .open }

    var message: String {
        switch self {
        case .expectMismatch(let payload):
            "A received message did not match the scenario's expect: "
                + String(String(buffer: payload).prefix(ErrorSample.bodyExcerptLimit))
        case .expectTimeout: "No message matching the scenario's expect arrived within its timeout."
        case .pipelinedTimeout: "A pipelined message's echo did not arrive within its expect timeout."
        case .pingTimeout: "No pong with the ping's payload arrived within its timeout."
        }
    }
}

/// What a `ConnectionCore` asks its driver to do, in order.
enum CoreAction {
    /// Send message `seq` built from `payload`, intended at `intendedNanoseconds`; report a failed send with
    /// `ConnectionCore.sendFailed(seq:)`.
    case send(
        kind: ScriptProgram.MessageKind,
        payload: ScriptProgram.PayloadSpec,
        seq: UInt64,
        intendedNanoseconds: UInt64
    )
    /// Send a ping, then arm `.script` at `timeoutAtNanoseconds`; report a failure with `pingFailed`.
    case ping(ByteBuffer, timeoutAtNanoseconds: UInt64)
    /// Arm (or re-arm) a timer for a monotonic instant.
    case arm(ConnectionTimer, atNanoseconds: UInt64)
    /// Cancel one timer.
    case cancel(ConnectionTimer)
    /// Cancel every timer.
    case cancelTimers
    /// Ask the worker for a total-rate send permit; hand it over with `permitGranted`.
    case requestTotalPermit
    /// Start the closing handshake.
    case close(code: UInt16, reason: String)
    /// Count an error (and keep a sample of it).
    case fail(ConnectionFault)
}

/// What the socket says about the peer when an event comes in.
struct PeerState {
    /// Whether the socket still takes messages (false once the peer's close frame arrived).
    var isOpen: Bool
    /// Whether a close frame is the next thing the current read batch delivers.
    var closeIsNext: Bool

    /// A socket not yet open or already gone.
    static let absent = PeerState(isOpen: true, closeIsNext: false)
}

/// What a received message was, for the metrics.
struct MessageReceipt {
    /// The open time when this is the connection's first message.
    var firstAfterOpenedAt: UInt64?
    /// The intended send time of the message it answers, if it answers one.
    var intendedNanoseconds: UInt64?
    var reordered = false
    var duplicated = false
}

/// How the connection's close went, for the metrics and the slot.
struct CloseReport {
    /// When the script started the close handshake, if it did.
    var closeStartedAt: UInt64?
    /// Messages still awaiting an answer.
    var lost: Int
    var end: ConnectionEnd
}
