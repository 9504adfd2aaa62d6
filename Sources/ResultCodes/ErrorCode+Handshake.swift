extension ErrorCode {
    package static let handshakeInvalidRequest = ErrorCode(
        "handshake.invalid-request",
        .upgrade,
        "the upgrade request could not be built (a header with CR/LF, a subprotocol that is not a token)"
    )
    package static let handshakeClosedBeforeResponse = ErrorCode(
        "handshake.closed-before-response",
        .upgrade,
        "the connection ended before a complete response head arrived"
    )
    package static let handshakeResponseHeadTooLarge = ErrorCode(
        "handshake.response-head-too-large",
        .upgrade,
        "the response head did not end within the size limit"
    )
    package static let handshakeMalformedResponse = ErrorCode(
        "handshake.malformed-response",
        .upgrade,
        "the response head is not HTTP/1.1"
    )
    package static let handshakeUpgradeMissing = ErrorCode(
        "handshake.upgrade-missing",
        .upgrade,
        "a 101 without an `Upgrade` header (a proxy may have stripped it)"
    )
    package static let handshakeUpgradeInvalid = ErrorCode(
        "handshake.upgrade-invalid",
        .upgrade,
        "`Upgrade` is present but is not `websocket`"
    )
    package static let handshakeConnectionMissing = ErrorCode(
        "handshake.connection-missing",
        .upgrade,
        "`Connection` is missing or lacks the `upgrade` token"
    )
    package static let handshakeAcceptMissing = ErrorCode(
        "handshake.accept-missing",
        .upgrade,
        "no `Sec-WebSocket-Accept` in the 101"
    )
    package static let handshakeAcceptMismatch = ErrorCode(
        "handshake.accept-mismatch",
        .upgrade,
        "`Sec-WebSocket-Accept` is not the hash of the key sent"
    )
    package static let handshakeSubprotocolNotOffered = ErrorCode(
        "handshake.subprotocol-not-offered",
        .upgrade,
        "the server chose a subprotocol the client did not offer"
    )
    package static let handshakeSubprotocolMissing = ErrorCode(
        "handshake.subprotocol-missing",
        .upgrade,
        "a subprotocol was required and the server chose none"
    )
    package static let handshakeExtensionHeaderMalformed = ErrorCode(
        "handshake.extension-header-malformed",
        .upgrade,
        "`Sec-WebSocket-Extensions` in the response is malformed"
    )
    package static let handshakeExtensionNotOffered = ErrorCode(
        "handshake.extension-not-offered",
        .upgrade,
        "the server accepted an extension the client did not offer"
    )

    package static let statusRedirect = ErrorCode(
        "handshake.status.redirect",
        .upgrade,
        "3xx: the server points elsewhere (`Location`)"
    )
    package static let statusUnauthorized = ErrorCode(
        "handshake.status.unauthorized",
        .upgrade,
        "401: credentials are needed"
    )
    package static let statusForbidden = ErrorCode(
        "handshake.status.forbidden",
        .upgrade,
        "403: the request was refused"
    )
    package static let statusNotFound = ErrorCode(
        "handshake.status.not-found",
        .upgrade,
        "404: nothing is routed at this path"
    )
    package static let statusUpgradeRequired = ErrorCode(
        "handshake.status.upgrade-required",
        .upgrade,
        "426: another `Sec-WebSocket-Version` wanted, or no upgrade headers arrived"
    )
    package static let statusClientError = ErrorCode("handshake.status.client-error", .upgrade, "any other 4xx")
    package static let statusGatewayError = ErrorCode(
        "handshake.status.gateway-error",
        .upgrade,
        "502, 503, 504: the proxy or load balancer could not reach a healthy target"
    )
    package static let statusServerError = ErrorCode("handshake.status.server-error", .upgrade, "any other 5xx")
    package static let statusNotUpgraded = ErrorCode(
        "handshake.status.not-upgraded",
        .upgrade,
        "2xx: an ordinary HTTP answer, the upgrade did not happen"
    )
    package static let statusUnexpected = ErrorCode(
        "handshake.status.unexpected",
        .upgrade,
        "1xx other than 101, and any other status"
    )
}

extension ErrorCodeFamily {
    /// The client's view of the upgrade (`HandshakeError`, `HandshakeStatusClass`).
    package static let handshake = ErrorCodeFamily(
        title: "Upgrade handshake",
        summary: "The server's answer to the upgrade request, seen by the client (`HandshakeError`; a non-101 "
            + "answer by its status class, `HandshakeStatusClass`).",
        codes: [
            .handshakeInvalidRequest, .handshakeClosedBeforeResponse, .handshakeResponseHeadTooLarge,
            .handshakeMalformedResponse, .handshakeUpgradeMissing, .handshakeUpgradeInvalid,
            .handshakeConnectionMissing, .handshakeAcceptMissing, .handshakeAcceptMismatch,
            .handshakeSubprotocolNotOffered, .handshakeSubprotocolMissing, .handshakeExtensionHeaderMalformed,
            .handshakeExtensionNotOffered, .statusRedirect, .statusUnauthorized, .statusForbidden, .statusNotFound,
            .statusUpgradeRequired, .statusClientError, .statusGatewayError, .statusServerError,
            .statusNotUpgraded, .statusUnexpected,
        ]
    )
}
