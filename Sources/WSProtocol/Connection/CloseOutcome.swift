/// How a connection ended: the close code and reason, who started closing, and whether it was clean
/// (RFC 6455 §7.1.4-§7.1.6).
package struct CloseOutcome: Sendable, Hashable {
    /// Which side started the closing.
    package enum Initiator: Sendable, Hashable {
        /// This endpoint sent the first close frame, failed the connection, or gave up waiting.
        case local
        /// The peer sent the first close frame, or the transport ended without one.
        case remote
    }

    /// RFC 6455 §7.1.5: the code of the first close frame received; 1005 when it had none, 1006 when no close
    /// frame was received at all (the idle-timeout and drain signature behind a load balancer).
    package var code: CloseCode
    /// The reason of the close frame received, empty when none.
    package var reason: String
    /// Who started closing.
    package var initiator: Initiator
    /// RFC 6455 §7.1.4: true when close frames were both sent and received.
    package var wasClean: Bool
    /// The code of the close frame this endpoint sent; nil when it sent none or one without a code.
    package var sentCode: CloseCode?
    /// The peer's protocol violation when this endpoint failed the connection (RFC 6455 §7.1.7).
    package var error: ProtocolError?
    /// True when the close timer expired before the transport ended: this endpoint closed TCP itself.
    package var closeTimedOut: Bool

    package init(
        code: CloseCode,
        reason: String = "",
        initiator: Initiator,
        wasClean: Bool,
        sentCode: CloseCode? = nil,
        error: ProtocolError? = nil,
        closeTimedOut: Bool = false
    ) {
        self.code = code
        self.reason = reason
        self.initiator = initiator
        self.wasClean = wasClean
        self.sentCode = sentCode
        self.error = error
        self.closeTimedOut = closeTimedOut
    }
}
