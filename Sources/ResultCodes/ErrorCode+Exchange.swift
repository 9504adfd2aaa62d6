extension ErrorCode {
    package static let expectStatus = ErrorCode(
        "expect.status",
        .upgrade,
        "the upgrade was answered with another status than `expect.status`"
    )
    package static let expectSubprotocol = ErrorCode(
        "expect.subprotocol",
        .upgrade,
        "the server selected another subprotocol than `expect.subprotocol`"
    )
    package static let expectExtension = ErrorCode(
        "expect.extension",
        .upgrade,
        "the server did not accept the extension `expect.extension` names"
    )
    package static let expectHeader = ErrorCode(
        "expect.header",
        .upgrade,
        "a 101 response header does not meet `expect.headers`"
    )
    package static let expectMismatch = ErrorCode(
        "expect.mismatch",
        .open,
        "a message did not match the script's `expect` step"
    )
    package static let expectTimeout = ErrorCode(
        "expect.timeout",
        .open,
        "no matching message came within the `expect` step's timeout"
    )
    package static let pingTimeout = ErrorCode(
        "ping.timeout",
        .open,
        "no pong came back within the `ping` step's timeout"
    )
    package static let echoMismatch = ErrorCode(
        "echo.mismatch",
        .open,
        "`check`: what came back is not what was sent (not an echo server?)"
    )
    package static let connectFailed = ErrorCode(
        "connect.failed",
        .tcp,
        "opening failed with an error no other code describes (the message has it)"
    )
    package static let loadMaxConnections = ErrorCode(
        "load.max-connections",
        .tcp,
        "an arrival found `max_connections` connections open and was not started"
    )
    package static let closeUnclean = ErrorCode(
        "close.unclean",
        .close,
        "`check`: the closing handshake did not complete cleanly"
    )
    /// The pattern row of ``closeFrame(_:)`` in the catalogue.
    package static let closeFramePattern = ErrorCode(
        "close.<code>",
        .close,
        "the connection ended with that close code (e.g. `close.1006`, see Close codes) before the script finished"
    )
    package static let internalError = ErrorCode(
        "internal",
        nil,
        "an unexpected internal error (a bug: please report it with the message)"
    )

    /// The code of a connection that ended with close code `code` before the script finished, e.g. `close.1001`.
    package static func closeFrame(_ code: UInt16) -> ErrorCode {
        ErrorCode("close.\(code)", .close, closeFramePattern.meaning)
    }
}

extension ErrorCodeFamily {
    /// What happens on an open connection: expectations, pings, echoes, early closes (engine and `check`).
    package static let exchange = ErrorCodeFamily(
        title: "Scenario and exchange",
        summary: "The scenario's expectations, the open connection and the load model (the load engine and `check`).",
        codes: [
            .expectStatus, .expectSubprotocol, .expectExtension, .expectHeader, .expectMismatch, .expectTimeout,
            .pingTimeout, .echoMismatch, .connectFailed, .loadMaxConnections, .closeUnclean, .closeFramePattern,
            .internalError,
        ]
    )
}
