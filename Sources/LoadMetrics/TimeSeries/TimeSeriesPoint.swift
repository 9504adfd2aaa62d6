/// One second of a run: the counts of that second, the open connections at its end, and the count and
/// percentiles of its message round trips and reconnect times (their lossless histograms are kept per
/// interval, in ``TimeSeries/intervals``).
package struct TimeSeriesPoint: Sendable, Equatable {
    /// Wall-clock second (seconds since 1970-01-01 UTC) the interval belongs to; shards align on it.
    package var second: Int64
    /// Connections open at the end of the second (summed over workers and shards).
    package var connectionsOpen: UInt64
    /// Connection attempts started in the second.
    package var connectionAttempts: UInt64
    /// Upgrades completed in the second (upgrades/s).
    package var upgradesOK: UInt64
    /// Attempts that failed before the upgrade in the second.
    package var upgradesFailed: UInt64
    /// Messages written in the second (messages/s sent).
    package var messagesSent: UInt64
    /// Messages read in the second (messages/s received).
    package var messagesReceived: UInt64
    /// Payload bytes written / read in the second.
    package var payloadBytesSent: UInt64
    package var payloadBytesReceived: UInt64
    /// Socket bytes written / read in the second (bytes/s on the wire).
    package var wireBytesSent: UInt64
    package var wireBytesReceived: UInt64
    /// Failures in the second by stable error code (connections the server or the network ended are
    /// `close.<code>`: `close.1001`, `close.1006`, `close.1012`, …).
    package var errors: [String: UInt64]
    /// Sent messages given up in the second: the connection ended before their echo, or it timed out.
    package var messagesLost: UInt64
    /// Replacements upgraded in the second for connections the server or the network ended.
    package var reconnects: UInt64
    /// Open connections at the end of the second by the identity their target reported (summed over
    /// workers and shards; identities with none open are left out).
    package var connectionsOpenByTarget: [String: UInt64]
    /// Count and percentiles of the second's reconnect times (µs); empty in seconds without reconnects.
    package var reconnectTime: SecondPercentiles
    /// Count and percentiles of the second's message round trips (µs). The histograms themselves are kept
    /// per interval (``TimeSeries/intervals``): an hour of per-second histograms is hundreds of MB of JSON.
    package var messageRTT: SecondPercentiles

    /// Median message round trip of the second (µs), 0 when no message returned.
    package var rttP50: UInt64 { self.messageRTT.p50 }
    /// 90th percentile message round trip of the second (µs).
    package var rttP90: UInt64 { self.messageRTT.p90 }
    /// 99th percentile message round trip of the second (µs).
    package var rttP99: UInt64 { self.messageRTT.p99 }
    /// Largest message round trip of the second (µs).
    package var rttMax: UInt64 { self.messageRTT.max }
    /// Median, 99th percentile and largest reconnect time of the second (µs), 0 without reconnects.
    package var reconnectP50: UInt64 { self.reconnectTime.p50 }
    package var reconnectP99: UInt64 { self.reconnectTime.p99 }
    package var reconnectMax: UInt64 { self.reconnectTime.max }

    /// The point for `second` built from a merged interval snapshot.
    package init(second: Int64, interval: MetricsSnapshot) {
        self.second = second
        self.connectionsOpen = interval.connectionsOpen
        self.connectionAttempts = interval[.connectionAttempts]
        self.upgradesOK = interval[.upgradesOK]
        self.upgradesFailed = interval[.upgradesFailed]
        self.messagesSent = interval[.messagesSent]
        self.messagesReceived = interval[.messagesReceived]
        self.payloadBytesSent = interval[.payloadBytesSent]
        self.payloadBytesReceived = interval[.payloadBytesReceived]
        self.wireBytesSent = interval[.wireBytesSent]
        self.wireBytesReceived = interval[.wireBytesReceived]
        self.errors = interval.errors
        self.messagesLost = interval[.messagesLost]
        self.reconnects = interval[.reconnects]
        self.connectionsOpenByTarget = interval.connectionsOpenByTarget
        self.messageRTT = SecondPercentiles(interval[.messageRTT])
        self.reconnectTime = SecondPercentiles(interval[.reconnect])
    }

    /// All failures in the second.
    package var errorCount: UInt64 { self.errors.values.reduce(0, &+) }

    /// Adds the counts of `other` (same second, another source); `sumGauge` adds the open-connection
    /// gauges (other workers or shards), otherwise `other`'s later reading replaces this one. Percentiles
    /// combine as ``SecondPercentiles/combined(with:)`` does (an upper bound when both had values).
    package mutating func absorb(_ other: TimeSeriesPoint, sumGauge: Bool) {
        self.connectionsOpen = sumGauge ? self.connectionsOpen &+ other.connectionsOpen : other.connectionsOpen
        self.connectionAttempts &+= other.connectionAttempts
        self.upgradesOK &+= other.upgradesOK
        self.upgradesFailed &+= other.upgradesFailed
        self.messagesSent &+= other.messagesSent
        self.messagesReceived &+= other.messagesReceived
        self.payloadBytesSent &+= other.payloadBytesSent
        self.payloadBytesReceived &+= other.payloadBytesReceived
        self.wireBytesSent &+= other.wireBytesSent
        self.wireBytesReceived &+= other.wireBytesReceived
        for (code, count) in other.errors { self.errors[code, default: 0] &+= count }
        self.messagesLost &+= other.messagesLost
        self.reconnects &+= other.reconnects
        if sumGauge {
            for (identity, count) in other.connectionsOpenByTarget {
                self.connectionsOpenByTarget[identity, default: 0] &+= count
            }
        } else {
            self.connectionsOpenByTarget = other.connectionsOpenByTarget
        }
        self.reconnectTime = self.reconnectTime.combined(with: other.reconnectTime)
        self.messageRTT = self.messageRTT.combined(with: other.messageRTT)
    }
}
