package import WSProtocol

/// Deliberate failures an `EchoServer` can produce, to rehearse what clients and load balancers do with them.
package struct EchoServerMisbehaviour: Sendable, Hashable {
    /// When a `closeWith` close is sent.
    package enum CloseMoment: Sendable, Hashable {
        /// Right after the 101 is written.
        case afterUpgrade
        /// Instead of echoing the connection's first message.
        case firstMessage
    }

    /// An HTTP answer given instead of the 101.
    package struct Rejection: Sendable, Hashable {
        /// The status code, 100-599 except 101.
        package var status: Int
        /// The plain-text body; empty for the default sentence.
        package var body: String

        package init(status: Int, body: String = "") {
            self.status = status
            self.body = body
        }
    }

    /// Delay the 101 by this long after the request head arrived.
    package var delayUpgrade: Duration?
    /// Close a connection that received no data message for this long.
    package var idleClose: Duration?
    /// The code of the idle close; 1001 (going away) by default, as a load balancer's idle timeout sends.
    package var idleCloseCode: CloseCode
    /// Close every connection with this code (at `closeMoment`) instead of echoing.
    package var closeWith: CloseCode?
    /// When the `closeWith` close happens.
    package var closeMoment: CloseMoment
    /// End TCP without a close frame this long after the upgrade (the client sees 1006).
    package var dropAfter: Duration?
    /// Answer every upgrade request with this status instead of 101.
    package var rejectWith: Rejection?

    /// A misbehaviour set; all off by default.
    package init(
        delayUpgrade: Duration? = nil,
        idleClose: Duration? = nil,
        idleCloseCode: CloseCode = .goingAway,
        closeWith: CloseCode? = nil,
        closeMoment: CloseMoment = .firstMessage,
        dropAfter: Duration? = nil,
        rejectWith: Rejection? = nil
    ) {
        self.delayUpgrade = delayUpgrade
        self.idleClose = idleClose
        self.idleCloseCode = idleCloseCode
        self.closeWith = closeWith
        self.closeMoment = closeMoment
        self.dropAfter = dropAfter
        self.rejectWith = rejectWith
    }

    /// No misbehaviour: a well-behaved echo target.
    package static let none = EchoServerMisbehaviour()

    /// The close code `value` when it may be sent in a close frame (RFC 6455 §7.4: 1000-1003, 1007-1014,
    /// 3000-4999), else nil. For callers that take codes as numbers, e.g. command-line flags.
    package static func wireCloseCode(_ value: Int) -> CloseCode? {
        guard let raw = UInt16(exactly: value) else { return nil }
        let code = CloseCode(rawValue: raw)
        return code.isAllowedOnWire ? code : nil
    }
}
