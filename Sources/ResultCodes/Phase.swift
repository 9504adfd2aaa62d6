/// The phases of a WebSocket connection, in order: the one name each phase has in every code, sample, check
/// and report (`ErrorSample.phase`, `CheckOutcome.phase`, `ConnectError.phase`).
package enum Phase: String, Sendable, CaseIterable, Codable {
    /// Name resolution (skipped for IP literals and `--resolve` entries).
    case dns
    /// The TCP three-way handshake.
    case tcp
    /// The TLS handshake (wss only).
    case tls
    /// Writing the upgrade request and reading a valid 101 response.
    case upgrade
    /// The open connection: messages, pings and expectations after the upgrade.
    case open
    /// The closing handshake.
    case close

    /// What the phase covers, in one line (docs/codes.md).
    package var meaning: String {
        switch self {
        case .dns: "name resolution (skipped for IP literals and `--resolve` entries)"
        case .tcp: "the TCP three-way handshake, including binding a local address"
        case .tls: "the TLS handshake (wss only)"
        case .upgrade: "writing the upgrade request and reading a valid 101 response"
        case .open: "the open connection: messages, pings and expectations after the upgrade"
        case .close: "the closing handshake"
        }
    }
}
