/// A close outcome: the close code and which side started the close.
///
/// RFC 6455 §7.1.5: when no close frame was received the close code is 1005 (a close frame without a
/// code) or 1006 (the connection dropped without one); both are recorded under those numbers.
package struct CloseKey: Sendable, Hashable, Codable {
    /// Which side closed the connection.
    package enum Initiator: String, Sendable, Hashable, Codable, CaseIterable {
        /// wsprobe sent the first close frame.
        case client
        /// The server (or the load balancer in front of it) sent the first close frame.
        case server
        /// The transport ended without a closing handshake (reset, EOF, timeout).
        case transport
    }

    /// The status code (RFC 6455 §7.4).
    package var code: UInt16
    /// Who closed.
    package var initiator: Initiator

    package init(code: UInt16, initiator: Initiator) {
        self.code = code
        self.initiator = initiator
    }
}

extension CloseKey: Comparable {
    /// Orders by code, then initiator, so encoded lists are stable.
    package static func < (lhs: CloseKey, rhs: CloseKey) -> Bool {
        (lhs.code, lhs.initiator.rawValue) < (rhs.code, rhs.initiator.rawValue)
    }
}
