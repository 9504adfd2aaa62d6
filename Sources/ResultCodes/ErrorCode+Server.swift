extension ErrorCode {
    package static let requestHeadTooLarge = ErrorCode(
        "handshake.request.head-too-large",
        .upgrade,
        "the request head did not end within the size limit (431)"
    )
    package static let requestMalformed = ErrorCode(
        "handshake.request.malformed",
        .upgrade,
        "the request head is not HTTP/1.1 (400)"
    )
    package static let requestMethod = ErrorCode("handshake.request.method", .upgrade, "the method is not GET (405)")
    package static let requestHTTPVersion = ErrorCode(
        "handshake.request.http-version",
        .upgrade,
        "the HTTP version is below 1.1 (400)"
    )
    package static let requestHostMissing = ErrorCode(
        "handshake.request.host-missing",
        .upgrade,
        "no `Host` header (400)"
    )
    package static let requestUpgradeMissing = ErrorCode(
        "handshake.request.upgrade-missing",
        .upgrade,
        "`Upgrade` does not contain `websocket` (426)"
    )
    package static let requestConnectionMissing = ErrorCode(
        "handshake.request.connection-missing",
        .upgrade,
        "`Connection` does not contain the `Upgrade` token (426)"
    )
    package static let requestKeyMissing = ErrorCode(
        "handshake.request.key-missing",
        .upgrade,
        "no `Sec-WebSocket-Key` (400)"
    )
    package static let requestKeyInvalid = ErrorCode(
        "handshake.request.key-invalid",
        .upgrade,
        "the key is not base64 of 16 bytes (400)"
    )
    package static let requestVersionMissing = ErrorCode(
        "handshake.request.version-missing",
        .upgrade,
        "no `Sec-WebSocket-Version` (400)"
    )
    package static let requestVersionUnsupported = ErrorCode(
        "handshake.request.version-unsupported",
        .upgrade,
        "a `Sec-WebSocket-Version` other than 13 (426)"
    )
    package static let requestSubprotocolsMalformed = ErrorCode(
        "handshake.request.subprotocols-malformed",
        .upgrade,
        "`Sec-WebSocket-Protocol` is not a list of tokens (400)"
    )
    package static let requestExtensionsMalformed = ErrorCode(
        "handshake.request.extensions-malformed",
        .upgrade,
        "`Sec-WebSocket-Extensions` is malformed (400)"
    )

    package static let serveBind = ErrorCode(
        "serve.bind",
        nil,
        "the echo server could not bind or listen",
        exitStatus: 3
    )
    package static let serveConfiguration = ErrorCode(
        "serve.configuration",
        nil,
        "an echo server setting is out of range",
        exitStatus: 3
    )
    package static let embeddedConfiguration = ErrorCode(
        "embedded.configuration",
        nil,
        "an embedded ALB setting is out of range or names an unknown target",
        exitStatus: 3
    )
    package static let embeddedBind = ErrorCode(
        "embedded.bind",
        nil,
        "the embedded ALB's listener could not be bound",
        exitStatus: 3
    )
    package static let embeddedTarget = ErrorCode(
        "embedded.target",
        nil,
        "an embedded ALB target's echo server could not start",
        exitStatus: 3
    )
}

extension ErrorCodeFamily {
    /// The server role: `wsprobe serve`'s refusals and the embedded servers' start-up.
    package static let server = ErrorCodeFamily(
        title: "Server role",
        summary: "`wsprobe serve` refusing an upgrade request (`UpgradeRequestError`, with the HTTP status it "
            + "answers) and the echo server or embedded ALB failing to start (`EchoServerError`, `EmbeddedALBError`).",
        codes: [
            .requestHeadTooLarge, .requestMalformed, .requestMethod, .requestHTTPVersion, .requestHostMissing,
            .requestUpgradeMissing, .requestConnectionMissing, .requestKeyMissing, .requestKeyInvalid,
            .requestVersionMissing, .requestVersionUnsupported, .requestSubprotocolsMalformed,
            .requestExtensionsMalformed, .serveBind, .serveConfiguration, .embeddedConfiguration, .embeddedBind,
            .embeddedTarget,
        ]
    )
}
