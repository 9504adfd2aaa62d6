extension ErrorCode {
    package static let protocolReservedBits = ErrorCode(
        "protocol.reserved-bits",
        .open,
        "the peer set RSV bits that no negotiated extension defines (1002)"
    )
    package static let protocolReservedOpcode = ErrorCode(
        "protocol.reserved-opcode",
        .open,
        "the peer sent a frame with a reserved opcode (1002)"
    )
    package static let protocolMasking = ErrorCode(
        "protocol.masking",
        .open,
        "a server frame was masked, or a client frame was not (1002)"
    )
    package static let protocolControlFrameTooLong = ErrorCode(
        "protocol.control-frame-too-long",
        .open,
        "a control frame carried more than 125 bytes (1002)"
    )
    package static let protocolFragmentedControlFrame = ErrorCode(
        "protocol.fragmented-control-frame",
        .open,
        "a control frame was fragmented (1002)"
    )
    package static let protocolPayloadLength = ErrorCode(
        "protocol.payload-length",
        .open,
        "a 64-bit payload length had its most significant bit set (1002)"
    )
    package static let protocolUnexpectedContinuation = ErrorCode(
        "protocol.unexpected-continuation",
        .open,
        "a continuation frame with no message to continue (1002)"
    )
    package static let protocolExpectedContinuation = ErrorCode(
        "protocol.expected-continuation",
        .open,
        "a new message began before a fragmented one ended (1002)"
    )
    package static let protocolFrameTooLarge = ErrorCode(
        "protocol.frame-too-large",
        .open,
        "a frame larger than the configured limit (1009)"
    )
    package static let protocolMessageTooLarge = ErrorCode(
        "protocol.message-too-large",
        .open,
        "a message larger than the configured limit (1009)"
    )
    package static let protocolInvalidUTF8 = ErrorCode(
        "protocol.invalid-utf8",
        .open,
        "a text message that is not valid UTF-8 (1007)"
    )
    package static let protocolClosePayload = ErrorCode(
        "protocol.close-payload",
        .close,
        "a close frame with a one-byte payload (1002)"
    )
    package static let protocolBadCloseCode = ErrorCode(
        "protocol.bad-close-code",
        .close,
        "a close code that must not appear on the wire (1002)"
    )
    package static let protocolCloseReasonUTF8 = ErrorCode(
        "protocol.close-reason-utf8",
        .close,
        "a close reason that is not valid UTF-8 (1007)"
    )

    package static let sendNotOpen = ErrorCode(
        "send.not-open",
        .close,
        "a send after the close frame was sent or answered"
    )
    package static let sendControlPayloadTooLong = ErrorCode(
        "send.control-payload-too-long",
        .open,
        "a ping or pong payload above 125 bytes was requested"
    )
    package static let sendInvalidCloseCode = ErrorCode(
        "send.invalid-close-code",
        .close,
        "a close code that may not be sent was requested"
    )
    package static let sendCloseReasonTooLong = ErrorCode(
        "send.close-reason-too-long",
        .close,
        "a close reason above 123 UTF-8 bytes was requested"
    )
}

extension ErrorCodeFamily {
    /// RFC 6455 framing violations (`ProtocolError`) and refused local sends (`SendError`).
    package static let protocolViolations = ErrorCodeFamily(
        title: "WebSocket protocol",
        summary: "The peer's frames broke RFC 6455 or a configured limit (`ProtocolError`, with the close code "
            + "wsprobe fails the connection with), or a local send was refused (`SendError`).",
        codes: [
            .protocolReservedBits, .protocolReservedOpcode, .protocolMasking, .protocolControlFrameTooLong,
            .protocolFragmentedControlFrame, .protocolPayloadLength, .protocolUnexpectedContinuation,
            .protocolExpectedContinuation, .protocolFrameTooLarge, .protocolMessageTooLarge, .protocolInvalidUTF8,
            .protocolClosePayload, .protocolBadCloseCode, .protocolCloseReasonUTF8, .sendNotOpen,
            .sendControlPayloadTooLong, .sendInvalidCloseCode, .sendCloseReasonTooLong,
        ]
    )
}
