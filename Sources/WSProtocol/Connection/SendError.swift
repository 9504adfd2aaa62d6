package import ResultCodes

/// Why a local send was refused by `ConnectionStateMachine`.
package enum SendError: Error, Equatable, Sendable {
    /// RFC 6455 §5.5.1: after sending (or answering) a close frame no more frames may be sent.
    case notOpen
    /// RFC 6455 §5.5: a ping or pong payload is at most 125 bytes.
    case controlPayloadTooLong(length: Int)
    /// RFC 6455 §7.4: the code may not be sent in a close frame (e.g. 1005, 1006, 1015, 0-999).
    case invalidCloseCode(UInt16)
    /// RFC 6455 §5.5: a close reason is at most 123 UTF-8 bytes.
    case closeReasonTooLong(bytes: Int)

    /// The stable, dotted identifier of this refusal.
    package var code: String { self.errorCode.rawValue }

    /// The failure's entry in the code catalogue (docs/codes.md).
    package var errorCode: ErrorCode {
        switch self {
        case .notOpen: .sendNotOpen
        case .controlPayloadTooLong: .sendControlPayloadTooLong
        case .invalidCloseCode: .sendInvalidCloseCode
        case .closeReasonTooLong: .sendCloseReasonTooLong
        }
    }
}

extension SendError: CustomStringConvertible {
    /// A diagnosis for a person.
    package var description: String {
        switch self {
        case .notOpen:
            "The connection is closing or closed, so nothing more can be sent."
        case .controlPayloadTooLong(let length):
            "A ping or pong payload of \(length) bytes was requested; control frames carry at most 125."
        case .invalidCloseCode(let code):
            "Close code \(code) may not be sent; use 1000-1003, 1007-1014 or 3000-4999."
        case .closeReasonTooLong(let bytes):
            "A close reason of \(bytes) UTF-8 bytes was requested; at most 123 fit in a close frame."
        }
    }
}
