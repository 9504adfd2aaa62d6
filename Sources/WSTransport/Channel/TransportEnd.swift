/// How the TCP connection under a WebSocket ended, as the transport saw it.
package enum TransportEnd: String, Sendable, Hashable, Codable {
    /// The peer ended it in order (FIN: end of file on read).
    case peerFIN = "fin"
    /// The peer reset it (RST: `ECONNRESET` or `EPIPE`).
    case peerReset = "rst"
    /// This side closed it (after the closing handshake, on a protocol error or on request).
    case local
}
