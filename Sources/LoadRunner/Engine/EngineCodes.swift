/// Every error code the load engine itself emits (connect and send errors carry their own `code` from
/// `WSTransport`). The one place to change when codes become types; the strings are part of the report.
enum EngineCode {
    /// The 101 answered where the scenario expects another status.
    static let expectStatus = "expect.status"
    /// The server selected another subprotocol than the scenario expects.
    static let expectSubprotocol = "expect.subprotocol"
    /// The server did not accept the extension the scenario expects.
    static let expectExtension = "expect.extension"
    /// A 101 response header missed the scenario's expectation.
    static let expectHeader = "expect.header"
    /// A received message did not match the script's `expect`.
    static let expectMismatch = "expect.mismatch"
    /// No matching message (or pipelined echo) arrived within the `expect` timeout.
    static let expectTimeout = "expect.timeout"
    /// No pong with the ping's payload arrived within its timeout.
    static let pingTimeout = "ping.timeout"
    /// A connect failed with an error that is no `ConnectError`.
    static let connectFailed = "connect.failed"
    /// An arrival found `max_connections` connections open.
    static let maxConnections = "load.max-connections"
    /// A `--source` address is not an IP address (plan construction).
    static let usageSource = "usage.source"
    /// A payload file cannot be read (plan construction).
    static let payloadFile = "payload.file"
    /// A payload file is larger than the message limit (plan construction).
    static let payloadSize = "payload.size"

    /// The server or the network ended the connection before the script did, with close `code`.
    static func closed(_ code: UInt16) -> String { "close.\(code)" }
}

/// The phase an engine error sample is attributed to.
enum EnginePhase {
    static let tcp = "tcp"
    static let message = "message"
    static let close = "close"
    static let upgrade = "upgrade"
}
