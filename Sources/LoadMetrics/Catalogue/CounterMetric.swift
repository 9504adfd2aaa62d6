/// The plain counters every worker keeps.
///
/// Like ``HistogramMetric``, the raw value indexes a fixed array. Counts keyed by a string (errors by
/// code, target identities) or by a close code live beside them in ``MetricsSnapshot``, because they
/// are only touched on the failure or connection path, not per message.
package enum CounterMetric: Int, CaseIterable, Sendable, Hashable {
    /// Connections started (DNS or TCP connect begun).
    case connectionAttempts
    /// Upgrades that ended in a validated 101 response.
    case upgradesOK
    /// Connection attempts that failed before the upgrade completed (each also counted by error code).
    case upgradesFailed
    /// Data messages written.
    case messagesSent
    /// Data messages read.
    case messagesReceived
    /// Sent messages whose echo never came back before the connection ended or the run stopped.
    case messagesLost
    /// Echoes whose sequence number was already received.
    case messagesDuplicated
    /// Echoes that arrived with a lower sequence number than one already received.
    case messagesReordered
    /// Application payload bytes written (before compression and framing).
    case payloadBytesSent
    /// Application payload bytes read (after decompression).
    case payloadBytesReceived
    /// Bytes written to the socket (frame headers, masking, compression, TLS records included).
    case wireBytesSent
    /// Bytes read from the socket.
    case wireBytesReceived
    /// Pings written.
    case pingsSent
    /// Pongs read that answered a ping.
    case pongsReceived
    /// Replacements upgraded for connections the server or the network ended (one per `reconnect` sample).
    case reconnects

    /// The stable counter name used in JSON, thresholds and reports.
    package var name: String {
        switch self {
        case .connectionAttempts: "connection_attempts"
        case .upgradesOK: "upgrades_ok"
        case .upgradesFailed: "upgrades_failed"
        case .messagesSent: "messages_sent"
        case .messagesReceived: "messages_received"
        case .messagesLost: "messages_lost"
        case .messagesDuplicated: "messages_duplicated"
        case .messagesReordered: "messages_reordered"
        case .payloadBytesSent: "payload_bytes_sent"
        case .payloadBytesReceived: "payload_bytes_received"
        case .wireBytesSent: "wire_bytes_sent"
        case .wireBytesReceived: "wire_bytes_received"
        case .pingsSent: "pings_sent"
        case .pongsReceived: "pongs_received"
        case .reconnects: "reconnects"
        }
    }

    /// The counter with this stable name, or `nil`.
    package init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }
}
