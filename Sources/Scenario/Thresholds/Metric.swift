/// The metric catalogue thresholds may refer to (documented in docs/scenarios.md).
package enum Metric: String, Sendable, Hashable, CaseIterable {
    // Latency histograms (per connection or per message).
    case dns
    case tcpConnect = "tcp_connect"
    case tlsHandshake = "tls_handshake"
    case wsUpgrade = "ws_upgrade"
    case connectTotal = "connect_total"
    case firstMessage = "first_message"
    case messageRTT = "message_rtt"
    case pingRTT = "ping_rtt"
    case closeHandshake = "close_handshake"
    case reconnect
    // Counters.
    case upgradeOK = "upgrade_ok"
    case upgradeFailed = "upgrade_failed"
    case errors
    case messagesSent = "messages_sent"
    case messagesReceived = "messages_received"
    case messagesLost = "messages_lost"
    case bytesSent = "bytes_sent"
    case bytesReceived = "bytes_received"
    case connections
    case reconnects

    /// Whether the metric is a latency histogram or a counter.
    package enum Kind: Sendable, Hashable {
        case latency
        case counter
    }

    package var kind: Kind {
        switch self {
        case .dns, .tcpConnect, .tlsHandshake, .wsUpgrade, .connectTotal, .firstMessage, .messageRTT, .pingRTT,
            .closeHandshake, .reconnect:
            return .latency
        default:
            return .counter
        }
    }

    /// For `rate(...)`: the counter this one is divided by, or nil when a rate makes no sense.
    /// upgrade_ok/upgrade_failed/errors per connection attempt (`connections`), lost and received
    /// messages per message sent.
    package var rateDenominator: Metric? {
        switch self {
        case .upgradeOK, .upgradeFailed, .errors: return .connections
        case .messagesLost, .messagesReceived: return .messagesSent
        default: return nil
        }
    }

    /// Labels a filter may name: every metric has `target` (serving identity) and `route` (matrix row);
    /// `errors` also has `code` (the stable error code, e.g. `tls.hostname-mismatch`).
    package var labels: [String] {
        self == .errors ? ["code", "target", "route"] : ["target", "route"]
    }

    /// Whether the counter counts bytes (so `count(...)` may be compared with a size such as `1MiB`).
    package var countsBytes: Bool { self == .bytesSent || self == .bytesReceived }
}
