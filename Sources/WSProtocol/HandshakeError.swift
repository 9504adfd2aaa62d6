package import ResultCodes

/// A failed opening handshake, seen from the client: the server's answer broke RFC 6455 §4.1 or RFC 7692,
/// or was not a 101 at all.
///
/// Each case names the values involved. `code` is stable across releases and appears the same way in the
/// console, JSON, HTML and JUnit output; `description` is a diagnosis for a person.
package enum HandshakeError: Error, Equatable, Sendable {
    /// The request could not be built from the given inputs (a header with CR/LF, a subprotocol that is
    /// not a token, ...).
    case invalidRequest(reason: String)
    /// The connection ended (or the wait was given up) before a complete response head arrived;
    /// `receivedBytes` were received, starting with `prefix` (at most 64 bytes).
    case closedBeforeResponse(receivedBytes: Int, prefix: [UInt8])
    /// The response head did not end within `limit` bytes.
    case responseHeadTooLarge(limit: Int)
    /// The response head is not HTTP/1.1.
    case malformedResponse(reason: String)
    /// The server answered with something other than 101; `bodyPrefix` is the start of the body (bounded).
    case unexpectedStatus(status: Int, reason: String, headers: HTTPHeaderFields, bodyPrefix: [UInt8])
    /// RFC 6455 §4.1: a 101 without an `Upgrade` header (a proxy may have stripped it).
    case upgradeMissing
    /// RFC 6455 §4.1: `Upgrade` is present but is not `websocket`.
    case upgradeInvalid(received: String)
    /// RFC 6455 §4.1: `Connection` is missing or lacks the `upgrade` token; `received` is its value if any.
    case connectionMissing(received: String?)
    /// RFC 6455 §4.1: no `Sec-WebSocket-Accept`.
    case acceptMissing(expected: String)
    /// RFC 6455 §4.1: `Sec-WebSocket-Accept` is not base64(SHA-1(key + GUID)).
    case acceptMismatch(expected: String, received: String)
    /// RFC 6455 §4.1: the server chose a subprotocol the client did not offer (or any when none was offered).
    case subprotocolNotOffered(received: String, offered: [String])
    /// The client required a subprotocol and the server chose none (a policy, not an RFC rule).
    case subprotocolMissing(offered: [String])
    /// `Sec-WebSocket-Extensions` in the response does not follow RFC 6455 §9.1.
    case extensionHeaderMalformed(value: String, reason: String)
    /// RFC 6455 §4.1: the server accepted an extension the client did not offer.
    case extensionNotOffered(name: String, offered: [String])
    /// RFC 7692 §5: the server accepted more than one permessage-deflate.
    case deflateMultipleAccepted(count: Int)
    /// RFC 7692 §7.1: the response has a parameter permessage-deflate does not define.
    case deflateUnknownParameter(name: String)
    /// RFC 7692 §7.1: the response repeats a parameter.
    case deflateDuplicateParameter(name: String)
    /// RFC 7692 §7.1.1: a no-context-takeover parameter carries a value.
    case deflateUnexpectedValue(parameter: String, value: String)
    /// RFC 7692 §7.1.2: a window-bits value is absent, not a decimal integer 8-15, or has leading zeros.
    case deflateInvalidValue(parameter: String, value: String?)
    /// RFC 7692 §7.1.1.1: the client asked for `server_no_context_takeover` and the server did not agree.
    case deflateServerNoContextTakeoverMissing
    /// RFC 7692 §7.1.2.1: the client limited `server_max_window_bits` and the server did not confirm it.
    case deflateServerWindowBitsMissing(offered: Int)
    /// RFC 7692 §7.1.2.1: the server's window is larger than the client allowed.
    case deflateServerWindowBitsTooLarge(offered: Int, received: Int)
    /// RFC 7692 §7.1.2.2: `client_max_window_bits` in the response although the client did not offer it.
    case deflateClientWindowBitsNotOffered(received: Int)
    /// RFC 7692 §7.1.2.2: the server asked for a client window larger than the client offered.
    case deflateClientWindowBitsTooLarge(offered: Int, received: Int)
    /// The server demands a client window zlib cannot produce: raw deflate rejects 8 bits (zlib.h).
    case deflateClientWindowBitsUnsupported(received: Int)

    /// The stable, dotted identifier of this failure.
    package var code: String { self.errorCode.rawValue }

    /// The failure's entry in the code catalogue (docs/codes.md).
    package var errorCode: ErrorCode {
        switch self {
        case .invalidRequest: .handshakeInvalidRequest
        case .closedBeforeResponse: .handshakeClosedBeforeResponse
        case .responseHeadTooLarge: .handshakeResponseHeadTooLarge
        case .malformedResponse: .handshakeMalformedResponse
        case .unexpectedStatus(let status, _, _, _): HandshakeStatusClass(status: status).errorCode
        case .upgradeMissing: .handshakeUpgradeMissing
        case .upgradeInvalid: .handshakeUpgradeInvalid
        case .connectionMissing: .handshakeConnectionMissing
        case .acceptMissing: .handshakeAcceptMissing
        case .acceptMismatch: .handshakeAcceptMismatch
        case .subprotocolNotOffered: .handshakeSubprotocolNotOffered
        case .subprotocolMissing: .handshakeSubprotocolMissing
        case .extensionHeaderMalformed: .handshakeExtensionHeaderMalformed
        case .extensionNotOffered: .handshakeExtensionNotOffered
        case .deflateMultipleAccepted: .deflateMultipleAccepted
        case .deflateUnknownParameter: .deflateUnknownParameter
        case .deflateDuplicateParameter: .deflateDuplicateParameter
        case .deflateUnexpectedValue: .deflateUnexpectedValue
        case .deflateInvalidValue: .deflateInvalidValue
        case .deflateServerNoContextTakeoverMissing: .deflateServerNoContextTakeoverMissing
        case .deflateServerWindowBitsMissing: .deflateServerWindowBitsMissing
        case .deflateServerWindowBitsTooLarge: .deflateServerWindowBitsTooLarge
        case .deflateClientWindowBitsNotOffered: .deflateClientWindowBitsNotOffered
        case .deflateClientWindowBitsTooLarge: .deflateClientWindowBitsTooLarge
        case .deflateClientWindowBitsUnsupported: .deflateClientWindowBitsUnsupported
        }
    }

    /// For `.unexpectedStatus`, what the status most likely means; nil for other cases.
    package var statusClass: HandshakeStatusClass? {
        if case .unexpectedStatus(let status, _, _, _) = self { HandshakeStatusClass(status: status) } else { nil }
    }

    /// A non-101 answer as an error, from its head and the start of its body.
    package static func unexpectedStatus(_ head: UpgradeResponseHead, bodyPrefix: [UInt8] = []) -> HandshakeError {
        .unexpectedStatus(status: head.status, reason: head.reason, headers: head.headers, bodyPrefix: bodyPrefix)
    }
}
