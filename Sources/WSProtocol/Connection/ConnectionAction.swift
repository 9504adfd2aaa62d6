package import NIOCore

/// Something the transport must do, as decided by `ConnectionStateMachine`.
///
/// Actions come in the order they must be carried out: a `.write` before the `.closeTransport` that follows
/// it, a `.closed` last.
package enum ConnectionAction: Sendable, Hashable {
    /// Write these bytes (whole encoded frames, masked in the client role) to the transport, in order.
    case write(ByteBuffer)
    /// A complete data message arrived (reassembled, inflated and UTF-8-checked).
    case deliver(Message)
    /// A pong arrived with this payload (answering one of our pings, or unsolicited: RFC 6455 §5.5.3).
    case pongReceived(ByteBuffer)
    /// Start the close-handshake timer; call `closeTimerFired(into:)` when it expires (RFC 6455 §7.1.1).
    case startCloseTimer
    /// Close the TCP connection (after the writes that precede this action).
    case closeTransport
    /// The connection is over; the machine emits nothing after this. Cancel any close timer.
    case closed(CloseOutcome)
}
