extension ErrorCode {
    package static let deflateMultipleAccepted = ErrorCode(
        "deflate.multiple-accepted",
        .upgrade,
        "the server accepted more than one permessage-deflate"
    )
    package static let deflateUnknownParameter = ErrorCode(
        "deflate.unknown-parameter",
        .upgrade,
        "the response has a parameter permessage-deflate does not define"
    )
    package static let deflateDuplicateParameter = ErrorCode(
        "deflate.duplicate-parameter",
        .upgrade,
        "the response repeats a parameter"
    )
    package static let deflateUnexpectedValue = ErrorCode(
        "deflate.unexpected-value",
        .upgrade,
        "a no-context-takeover parameter carries a value"
    )
    package static let deflateInvalidValue = ErrorCode(
        "deflate.invalid-value",
        .upgrade,
        "a window-bits value is absent or not 8-15"
    )
    package static let deflateServerNoContextTakeoverMissing = ErrorCode(
        "deflate.server-no-context-takeover-missing",
        .upgrade,
        "`server_no_context_takeover` was asked for and not agreed"
    )
    package static let deflateServerWindowBitsMissing = ErrorCode(
        "deflate.server-window-bits-missing",
        .upgrade,
        "`server_max_window_bits` was limited and not confirmed"
    )
    package static let deflateServerWindowBitsTooLarge = ErrorCode(
        "deflate.server-window-bits-too-large",
        .upgrade,
        "the server's window is larger than the client allowed"
    )
    package static let deflateClientWindowBitsNotOffered = ErrorCode(
        "deflate.client-window-bits-not-offered",
        .upgrade,
        "`client_max_window_bits` in the response although it was not offered"
    )
    package static let deflateClientWindowBitsTooLarge = ErrorCode(
        "deflate.client-window-bits-too-large",
        .upgrade,
        "the server asked for a client window larger than offered"
    )
    package static let deflateClientWindowBitsUnsupported = ErrorCode(
        "deflate.client-window-bits-unsupported",
        .upgrade,
        "the server demands an 8-bit client window, which zlib cannot produce"
    )
    package static let deflateSetupFailed = ErrorCode(
        "deflate.setup-failed",
        .upgrade,
        "permessage-deflate was negotiated but zlib could not set it up"
    )
    package static let deflateInflateFailed = ErrorCode(
        "deflate.inflate-failed",
        .open,
        "a compressed message could not be inflated (1002)"
    )
    package static let deflateRSV1 = ErrorCode(
        "deflate.rsv1",
        .open,
        "RSV1 on a continuation frame, or without negotiated deflate (1002)"
    )
    package static let deflateConfigWindowBitsRange = ErrorCode(
        "deflate.config.window-bits-range",
        nil,
        "a configured window size outside 8-15"
    )
    package static let deflateConfigWindowBitsUnsupported = ErrorCode(
        "deflate.config.window-bits-unsupported",
        nil,
        "a configured 8-bit window for our own compressor, which zlib rejects"
    )
    package static let deflateConfigLevelRange = ErrorCode(
        "deflate.config.level-range",
        nil,
        "a configured compression or memory level out of range"
    )
    package static let deflateZlibInitFailed = ErrorCode(
        "deflate.zlib-init-failed",
        nil,
        "zlib could not create a stream (usually out of memory)"
    )
}

extension ErrorCodeFamily {
    /// permessage-deflate (RFC 7692): negotiation, inflation and our own settings.
    package static let deflate = ErrorCodeFamily(
        title: "permessage-deflate",
        summary: "RFC 7692 negotiation (`HandshakeError`), compressed frames (`ProtocolError`) and the "
            + "deflate settings wsprobe is given (`DeflateConfigurationError`).",
        codes: [
            .deflateMultipleAccepted, .deflateUnknownParameter, .deflateDuplicateParameter, .deflateUnexpectedValue,
            .deflateInvalidValue, .deflateServerNoContextTakeoverMissing, .deflateServerWindowBitsMissing,
            .deflateServerWindowBitsTooLarge, .deflateClientWindowBitsNotOffered, .deflateClientWindowBitsTooLarge,
            .deflateClientWindowBitsUnsupported, .deflateSetupFailed, .deflateInflateFailed, .deflateRSV1,
            .deflateConfigWindowBitsRange, .deflateConfigWindowBitsUnsupported, .deflateConfigLevelRange,
            .deflateZlibInitFailed,
        ]
    )
}
