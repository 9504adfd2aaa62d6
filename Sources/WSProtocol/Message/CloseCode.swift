/// A close status code (RFC 6455 §7.4).
package struct CloseCode: RawRepresentable, Sendable, Hashable {
    package let rawValue: UInt16

    package init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// 1000: the purpose of the connection was fulfilled.
    package static let normalClosure = CloseCode(rawValue: 1000)
    /// 1001: the endpoint is going away (server shutdown, page navigation).
    package static let goingAway = CloseCode(rawValue: 1001)
    /// 1002: the peer broke the protocol.
    package static let protocolError = CloseCode(rawValue: 1002)
    /// 1003: the endpoint received a data type it cannot accept.
    package static let unsupportedData = CloseCode(rawValue: 1003)
    /// 1005: reported locally when a close frame carried no code; never sent.
    package static let noStatusReceived = CloseCode(rawValue: 1005)
    /// 1006: reported locally when the connection ended without a close frame; never sent.
    package static let abnormalClosure = CloseCode(rawValue: 1006)
    /// 1007: a message's data did not match its type (e.g. invalid UTF-8 in text).
    package static let invalidPayloadData = CloseCode(rawValue: 1007)
    /// 1008: a message violated the endpoint's policy.
    package static let policyViolation = CloseCode(rawValue: 1008)
    /// 1009: a message was too big to process.
    package static let messageTooBig = CloseCode(rawValue: 1009)
    /// 1010: the client expected the server to negotiate an extension.
    package static let mandatoryExtension = CloseCode(rawValue: 1010)
    /// 1011: the server hit an unexpected condition.
    package static let internalError = CloseCode(rawValue: 1011)
    /// 1012: the service is restarting (IANA registry, after RFC 6455).
    package static let serviceRestart = CloseCode(rawValue: 1012)
    /// 1013: try again later (IANA registry, after RFC 6455).
    package static let tryAgainLater = CloseCode(rawValue: 1013)
    /// 1014: a gateway received an invalid response upstream (IANA registry, after RFC 6455).
    package static let badGateway = CloseCode(rawValue: 1014)
    /// 1015: reported locally when the TLS handshake failed; never sent.
    package static let tlsHandshakeFailure = CloseCode(rawValue: 1015)

    /// True for codes that may appear in a close frame on the wire.
    ///
    /// RFC 6455 §7.4.1-§7.4.2: 1000-1003 and 1007-1011 are defined for use, 1012-1014 were registered with
    /// IANA later, 3000-3999 are for libraries and frameworks and 4000-4999 for applications. 0-999 are unused,
    /// 1004 is reserved, 1005, 1006 and 1015 must never be sent, and 1016-2999 are reserved for future RFCs.
    package var isAllowedOnWire: Bool {
        switch self.rawValue {
        case 1000...1003, 1007...1014, 3000...4999: true
        default: false
        }
    }

    /// Checks a code read from a received close frame.
    /// - Throws: `ProtocolError.badCloseCode` for a code not allowed on the wire (close code 1002).
    package init(validatingReceived rawValue: UInt16) throws(ProtocolError) {
        let code = CloseCode(rawValue: rawValue)
        guard code.isAllowedOnWire else {
            throw .badCloseCode(rawValue)
        }
        self = code
    }
}

extension CloseCode {
    /// The registered name (RFC 6455 §7.4.1 and the IANA registry), e.g. `normal closure`; for unnamed codes
    /// the range they belong to (`application-defined` for 4000-4999) or `nil` outside every range.
    ///
    /// The one close-code name table of wsprobe: `check`, the engine and the reports all name codes through it.
    package var name: String? {
        switch self.rawValue {
        case 1000: "normal closure"
        case 1001: "going away"
        case 1002: "protocol error"
        case 1003: "unsupported data"
        case 1005: "no status received"
        case 1006: "abnormal closure"
        case 1007: "invalid payload data"
        case 1008: "policy violation"
        case 1009: "message too big"
        case 1010: "mandatory extension"
        case 1011: "internal error"
        case 1012: "service restart"
        case 1013: "try again later"
        case 1014: "bad gateway"
        case 1015: "TLS handshake failure"
        case 3000...3999: "registered by a library or framework"
        case 4000...4999: "application-defined"
        default: nil
        }
    }
}

extension CloseCode: CustomStringConvertible {
    /// The number, with its name where it has one, e.g. "1000 (normal closure)".
    package var description: String {
        guard let name = self.name else {
            return String(self.rawValue)
        }
        return "\(self.rawValue) (\(name))"
    }
}
