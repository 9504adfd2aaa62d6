/// One second of a run: the counts of that second, the open connections at its end, and the
/// message round trips of that second (lossless, so points of different shards merge exactly).
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
    /// Reconnect times of the second's reconnects (µs), sparse and lossless like ``messageRTT``.
    package private(set) var reconnectTime: HistogramBuckets
    /// Median, 99th percentile and largest reconnect time of the second (µs), 0 without reconnects.
    package private(set) var reconnectP50: UInt64
    package private(set) var reconnectP99: UInt64
    package private(set) var reconnectMax: UInt64
    /// Message round trips of the second (µs), kept in the sparse lossless form: a dense histogram is
    /// 136 KiB, and an hour-long series holds 3,600 points.
    package private(set) var messageRTT: HistogramBuckets
    /// Median message round trip of the second (µs), 0 when no message returned.
    package private(set) var rttP50: UInt64
    /// 90th percentile message round trip of the second (µs).
    package private(set) var rttP90: UInt64
    /// 99th percentile message round trip of the second (µs).
    package private(set) var rttP99: UInt64
    /// Largest message round trip of the second (µs).
    package private(set) var rttMax: UInt64

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
        let rtt = interval[.messageRTT]
        self.messageRTT = rtt.buckets
        (self.rttP50, self.rttP90, self.rttP99, self.rttMax) = Self.derived(rtt)
        let reconnect = interval[.reconnect]
        self.reconnectTime = reconnect.buckets
        (self.reconnectP50, _, self.reconnectP99, self.reconnectMax) = Self.derived(reconnect)
    }

    private static func derived(_ rtt: LatencyHistogram) -> (UInt64, UInt64, UInt64, UInt64) {
        (rtt.value(atPercentile: 50), rtt.value(atPercentile: 90), rtt.value(atPercentile: 99), rtt.max)
    }

    /// The message round trips of the second as a histogram (for spectra or further merging).
    ///
    /// Rebuilding cannot fail: `messageRTT` is only ever set from a histogram or from a validated decode.
    package var messageRTTHistogram: LatencyHistogram {
        (try? LatencyHistogram(buckets: self.messageRTT))
            ?? LatencyHistogram(configuration: self.messageRTT.configuration)
    }

    /// The reconnect times of the second as a histogram.
    package var reconnectTimeHistogram: LatencyHistogram {
        (try? LatencyHistogram(buckets: self.reconnectTime))
            ?? LatencyHistogram(configuration: self.reconnectTime.configuration)
    }

    /// Replaces the second's reconnect times (used when decoding).
    mutating func setReconnectTime(_ histogram: LatencyHistogram) {
        self.reconnectTime = histogram.buckets
        (self.reconnectP50, _, self.reconnectP99, self.reconnectMax) = Self.derived(histogram)
    }

    /// All failures in the second.
    package var errorCount: UInt64 { self.errors.values.reduce(0, &+) }

    /// Adds the counts of `other` (same second, another source); `sumGauge` adds the open-connection
    /// gauges (other workers or shards), otherwise `other`'s later reading replaces this one.
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
        if other.reconnectTime.totalCount > 0 || other.reconnectTime.overflowCount > 0 {
            var reconnect = self.reconnectTimeHistogram
            reconnect.merge(other.reconnectTimeHistogram)
            self.setReconnectTime(reconnect)
        }
        var rtt = self.messageRTTHistogram
        rtt.merge(other.messageRTTHistogram)
        self.messageRTT = rtt.buckets
        (self.rttP50, self.rttP90, self.rttP99, self.rttMax) = Self.derived(rtt)
    }
}
