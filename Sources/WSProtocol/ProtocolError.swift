package import ResultCodes

/// A violation of RFC 6455 or RFC 7692 by the peer's frames, or a configured limit exceeded.
///
/// Each case names the values involved. `code` is stable across releases and appears the same way in the
/// console, JSON, HTML and JUnit output; `closeCode` is the status code this endpoint sends when it fails
/// the connection for this reason (RFC 6455 §7.4.1), kept here so that mapping lives in one place.
package enum ProtocolError: Error, Hashable, Sendable {
    /// RFC 6455 §5.2: RSV1-3 must be 0 unless a negotiated extension defines them.
    case reservedBitsSet(mask: UInt8)
    /// RFC 6455 §5.2: opcodes 0x3-0x7 and 0xB-0xF are reserved.
    case reservedOpcode(UInt8)
    /// RFC 6455 §5.1: a server must not mask frames it sends; a client must mask every frame.
    case unexpectedMasking(masked: Bool)
    /// RFC 6455 §5.5: control frames carry at most 125 bytes.
    case controlFrameTooLong(length: Int)
    /// RFC 6455 §5.5: control frames must not be fragmented.
    case fragmentedControlFrame(opcode: UInt8)
    /// RFC 6455 §5.2: the most significant bit of a 64-bit payload length must be 0.
    case payloadLengthTopBitSet
    /// RFC 6455 §5.4: a continuation frame arrived with no message to continue.
    case unexpectedContinuation
    /// RFC 6455 §5.4: a new text or binary frame arrived while a fragmented message was still open.
    case expectedContinuation(opcode: UInt8)
    /// A single frame larger than the configured limit (close code 1009).
    case frameTooLarge(size: UInt64, limit: Int)
    /// A reassembled (and inflated) message larger than the configured limit (close code 1009).
    case messageTooLarge(size: Int, limit: Int)
    /// RFC 6455 §8.1: text payloads must be valid UTF-8; `byteOffset` is within the message.
    case invalidUTF8(byteOffset: Int)
    /// RFC 6455 §5.5.1: a close payload of exactly one byte.
    case closePayloadTooShort
    /// RFC 6455 §7.4: a close code that must not appear on the wire or is not in a valid range.
    case badCloseCode(UInt16)
    /// RFC 6455 §5.5.1: the close reason is not valid UTF-8.
    case invalidCloseReason
    /// RFC 7692 §6.2: the compressed payload could not be inflated.
    case decompressionFailed(reason: String)
    /// RFC 7692 §6.1: RSV1 on a continuation frame, or on a message when deflate was not negotiated.
    case compressedFrameInvalid(reason: String)

    /// The stable, dotted identifier of this failure.
    package var code: String { self.errorCode.rawValue }

    /// The failure's entry in the code catalogue (docs/codes.md).
    package var errorCode: ErrorCode {
        switch self {
        case .reservedBitsSet: .protocolReservedBits
        case .reservedOpcode: .protocolReservedOpcode
        case .unexpectedMasking: .protocolMasking
        case .controlFrameTooLong: .protocolControlFrameTooLong
        case .fragmentedControlFrame: .protocolFragmentedControlFrame
        case .payloadLengthTopBitSet: .protocolPayloadLength
        case .unexpectedContinuation: .protocolUnexpectedContinuation
        case .expectedContinuation: .protocolExpectedContinuation
        case .frameTooLarge: .protocolFrameTooLarge
        case .messageTooLarge: .protocolMessageTooLarge
        case .invalidUTF8: .protocolInvalidUTF8
        case .closePayloadTooShort: .protocolClosePayload
        case .badCloseCode: .protocolBadCloseCode
        case .invalidCloseReason: .protocolCloseReasonUTF8
        case .decompressionFailed: .deflateInflateFailed
        case .compressedFrameInvalid: .deflateRSV1
        }
    }

    /// The close code to send when failing the connection for this error (RFC 6455 §7.4.1).
    package var closeCode: UInt16 {
        switch self {
        case .invalidUTF8, .invalidCloseReason: 1007
        case .frameTooLarge, .messageTooLarge: 1009
        default: 1002
        }
    }
}

extension ProtocolError: CustomStringConvertible {
    /// A diagnosis for a person, naming the rule broken and the value seen.
    package var description: String {
        switch self {
        case .reservedBitsSet(let mask):
            "The peer set reserved bits (RSV mask 0x\(String(mask, radix: 16))) that no negotiated extension defines."
        case .reservedOpcode(let opcode):
            "The peer sent a frame with reserved opcode 0x\(String(opcode, radix: 16))."
        case .unexpectedMasking(let masked):
            masked
                ? "The peer masked a frame it must send unmasked (RFC 6455 §5.1)."
                : "The peer sent an unmasked frame where masking is required (RFC 6455 §5.1)."
        case .controlFrameTooLong(let length):
            "The peer sent a control frame of \(length) bytes; control frames carry at most 125."
        case .fragmentedControlFrame(let opcode):
            "The peer fragmented a control frame (opcode 0x\(String(opcode, radix: 16))), which RFC 6455 §5.5 forbids."
        case .payloadLengthTopBitSet:
            "The peer sent a 64-bit payload length with its most significant bit set."
        case .unexpectedContinuation:
            "The peer sent a continuation frame with no fragmented message to continue."
        case .expectedContinuation(let opcode):
            "The peer started a new message (opcode 0x\(String(opcode, radix: 16))) before finishing a fragmented one."
        case .frameTooLarge(let size, let limit):
            "The peer sent a frame of \(size) bytes; the limit is \(limit)."
        case .messageTooLarge(let size, let limit):
            "The peer sent a message of at least \(size) bytes; the limit is \(limit)."
        case .invalidUTF8(let offset):
            "The peer sent a text message that is not valid UTF-8 (at byte \(offset))."
        case .closePayloadTooShort:
            "The peer sent a close frame with a 1-byte payload; a close payload is empty or at least 2 bytes."
        case .badCloseCode(let code):
            "The peer sent close code \(code), which must not be sent on the wire."
        case .invalidCloseReason:
            "The peer sent a close reason that is not valid UTF-8."
        case .decompressionFailed(let reason):
            "A permessage-deflate payload could not be inflated: \(reason)."
        case .compressedFrameInvalid(let reason):
            "A compressed frame broke RFC 7692: \(reason)."
        }
    }
}
