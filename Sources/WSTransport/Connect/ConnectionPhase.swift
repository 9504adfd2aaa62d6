/// The phases of opening a WebSocket, in order; each has its own timeout and timestamp.
package enum ConnectionPhase: String, Sendable, CaseIterable, Codable {
    /// Name resolution (skipped for IP literals and `--resolve` entries).
    case dns
    /// The TCP three-way handshake.
    case tcp
    /// The TLS handshake (wss only).
    case tls
    /// Writing the upgrade request and reading a valid 101 response.
    case upgrade
    /// The open connection: messages after the upgrade.
    case open
    /// The closing handshake.
    case close
}
