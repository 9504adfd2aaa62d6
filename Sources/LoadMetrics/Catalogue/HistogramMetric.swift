/// The latency histograms every worker records, all in microseconds (1 µs to 60 s, 3 significant
/// digits: see ``HistogramConfiguration/latencyMicroseconds``).
///
/// The raw value is the index into the recorder's fixed array, so recording is an array access,
/// never a dictionary lookup by string. ``name`` is the stable key used in JSON, thresholds and reports.
package enum HistogramMetric: Int, CaseIterable, Sendable, Hashable {
    /// Name resolution, from query to answer.
    case dns
    /// TCP connect: `bootstrap.connect` to `channelActive`.
    case tcpConnect
    /// TLS handshake: `channelActive` to the handshake-completed event.
    case tlsHandshake
    /// WebSocket upgrade: request written to the 101 response validated.
    case wsUpgrade
    /// Whole connection set-up: connect start to upgrade done (DNS + TCP + TLS + upgrade).
    case connectTotal
    /// Upgrade done to the first message received.
    case firstMessage
    /// Echo round trip of a message: intended send time (open model) or flush (closed model) to the
    /// final frame of the echo being read.
    case messageRTT
    /// Ping written to the matching pong read.
    case pingRTT
    /// Close frame sent to the connection closed (RFC 6455 §7.1.1 closing handshake).
    case closeHandshake
    /// Reconnect time: a connection ended by the server or the network (not by the script or the run's
    /// end) to the upgrade of its replacement on the same slot, the backoff and failed attempts included.
    case reconnect

    /// The stable metric name (`dns`, `tcp_connect`, …, `close_handshake`, `reconnect`).
    package var name: String {
        switch self {
        case .dns: "dns"
        case .tcpConnect: "tcp_connect"
        case .tlsHandshake: "tls_handshake"
        case .wsUpgrade: "ws_upgrade"
        case .connectTotal: "connect_total"
        case .firstMessage: "first_message"
        case .messageRTT: "message_rtt"
        case .pingRTT: "ping_rtt"
        case .closeHandshake: "close_handshake"
        case .reconnect: "reconnect"
        }
    }

    /// The metric with this stable name, or `nil`.
    package init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }
}
