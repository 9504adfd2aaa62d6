/// JSON form: the counts, then `rttCount`, `rttP50`, `rttP90`, `rttP99`, `rttP999`, `rttMax` (µs) and, in
/// seconds with reconnects, the same six `reconnect…` figures; `rttPercentilesExact` /
/// `reconnectPercentilesExact` are written (as `false`) only when the percentiles are a merge's upper bound.
///
/// Older files (schema version 1) hold each second's `messageRTT` and `reconnectTime` as lossless
/// histograms instead: when `messageRTT` is present the figures are recomputed from it (exactly), and
/// ``TimeSeries`` folds the histograms into its interval histograms. The drain fields are optional, so
/// series written before they existed still decode: `messagesLost`, `reconnects` (always written) and
/// `connectionsOpenByTarget` (written when not empty).
extension TimeSeriesPoint: Codable {
    enum CodingKeys: String, CodingKey {
        case second, connectionsOpen, connectionAttempts, upgradesOK, upgradesFailed
        case messagesSent, messagesReceived, payloadBytesSent, payloadBytesReceived
        case wireBytesSent, wireBytesReceived, errors
        case rttCount, rttP50, rttP90, rttP99, rttP999, rttMax, rttPercentilesExact
        case messagesLost, reconnects, connectionsOpenByTarget
        case reconnectCount, reconnectP50, reconnectP90, reconnectP99, reconnectP999, reconnectMax
        case reconnectPercentilesExact
        /// Schema version 1 only: the second's lossless histograms.
        case messageRTT, reconnectTime
    }

    package init(from decoder: any Decoder) throws {
        self = try DecodedTimeSeriesPoint(from: decoder).point
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.second, forKey: .second)
        try container.encode(self.connectionsOpen, forKey: .connectionsOpen)
        try container.encode(self.connectionAttempts, forKey: .connectionAttempts)
        try container.encode(self.upgradesOK, forKey: .upgradesOK)
        try container.encode(self.upgradesFailed, forKey: .upgradesFailed)
        try container.encode(self.messagesSent, forKey: .messagesSent)
        try container.encode(self.messagesReceived, forKey: .messagesReceived)
        try container.encode(self.payloadBytesSent, forKey: .payloadBytesSent)
        try container.encode(self.payloadBytesReceived, forKey: .payloadBytesReceived)
        try container.encode(self.wireBytesSent, forKey: .wireBytesSent)
        try container.encode(self.wireBytesReceived, forKey: .wireBytesReceived)
        try container.encode(self.errors, forKey: .errors)
        try Self.encode(self.messageRTT, into: &container, keys: Self.rttKeys)
        try container.encode(self.messagesLost, forKey: .messagesLost)
        try container.encode(self.reconnects, forKey: .reconnects)
        if !self.connectionsOpenByTarget.isEmpty {
            try container.encode(self.connectionsOpenByTarget, forKey: .connectionsOpenByTarget)
        }
        if !self.reconnectTime.isEmpty {
            try Self.encode(self.reconnectTime, into: &container, keys: Self.reconnectKeys)
        }
    }

    /// The keys of one ``SecondPercentiles``: count, p50, p90, p99, p99.9, max, exact.
    typealias PercentileKeys = (CodingKeys, CodingKeys, CodingKeys, CodingKeys, CodingKeys, CodingKeys, CodingKeys)

    static let rttKeys: PercentileKeys = (.rttCount, .rttP50, .rttP90, .rttP99, .rttP999, .rttMax, .rttPercentilesExact)
    static let reconnectKeys: PercentileKeys = (
        .reconnectCount, .reconnectP50, .reconnectP90, .reconnectP99, .reconnectP999, .reconnectMax,
        .reconnectPercentilesExact
    )

    private static func encode(
        _ figures: SecondPercentiles,
        into container: inout KeyedEncodingContainer<CodingKeys>,
        keys: PercentileKeys
    ) throws {
        try container.encode(figures.count, forKey: keys.0)
        try container.encode(figures.p50, forKey: keys.1)
        try container.encode(figures.p90, forKey: keys.2)
        try container.encode(figures.p99, forKey: keys.3)
        try container.encode(figures.p999, forKey: keys.4)
        try container.encode(figures.max, forKey: keys.5)
        if !figures.exact { try container.encode(false, forKey: keys.6) }
    }

    static func decodePercentiles(
        from container: KeyedDecodingContainer<CodingKeys>,
        keys: PercentileKeys
    ) throws -> SecondPercentiles {
        SecondPercentiles(
            count: try container.decode(UInt64.self, forKey: keys.0),
            p50: try container.decode(UInt64.self, forKey: keys.1),
            p90: try container.decode(UInt64.self, forKey: keys.2),
            p99: try container.decode(UInt64.self, forKey: keys.3),
            p999: try container.decode(UInt64.self, forKey: keys.4),
            max: try container.decode(UInt64.self, forKey: keys.5),
            exact: try container.decodeIfPresent(Bool.self, forKey: keys.6) ?? true
        )
    }
}

/// A decoded point with, for a schema version 1 point, its second's lossless histograms (which
/// ``TimeSeries`` folds into its interval histograms).
struct DecodedTimeSeriesPoint: Decodable {
    var point: TimeSeriesPoint
    var messageRTT: LatencyHistogram?
    var reconnectTime: LatencyHistogram?

    init(from decoder: any Decoder) throws {
        typealias Keys = TimeSeriesPoint.CodingKeys
        let container = try decoder.container(keyedBy: Keys.self)
        self.messageRTT = try container.decodeIfPresent(LatencyHistogram.self, forKey: .messageRTT)
        self.reconnectTime = try container.decodeIfPresent(LatencyHistogram.self, forKey: .reconnectTime)
        var point = TimeSeriesPoint(
            second: try container.decode(Int64.self, forKey: .second),
            interval: MetricsSnapshot(configuration: self.messageRTT?.configuration ?? .latencyMicroseconds)
        )
        point.connectionsOpen = try container.decode(UInt64.self, forKey: .connectionsOpen)
        point.connectionAttempts = try container.decode(UInt64.self, forKey: .connectionAttempts)
        point.upgradesOK = try container.decode(UInt64.self, forKey: .upgradesOK)
        point.upgradesFailed = try container.decode(UInt64.self, forKey: .upgradesFailed)
        point.messagesSent = try container.decode(UInt64.self, forKey: .messagesSent)
        point.messagesReceived = try container.decode(UInt64.self, forKey: .messagesReceived)
        point.payloadBytesSent = try container.decode(UInt64.self, forKey: .payloadBytesSent)
        point.payloadBytesReceived = try container.decode(UInt64.self, forKey: .payloadBytesReceived)
        point.wireBytesSent = try container.decode(UInt64.self, forKey: .wireBytesSent)
        point.wireBytesReceived = try container.decode(UInt64.self, forKey: .wireBytesReceived)
        point.errors = try container.decodeIfPresent([String: UInt64].self, forKey: .errors) ?? [:]
        point.messagesLost = try container.decodeIfPresent(UInt64.self, forKey: .messagesLost) ?? 0
        point.reconnects = try container.decodeIfPresent(UInt64.self, forKey: .reconnects) ?? 0
        point.connectionsOpenByTarget =
            try container.decodeIfPresent([String: UInt64].self, forKey: .connectionsOpenByTarget) ?? [:]
        if let rtt = self.messageRTT {
            point.messageRTT = SecondPercentiles(rtt)
        } else {
            point.messageRTT = try TimeSeriesPoint.decodePercentiles(from: container, keys: TimeSeriesPoint.rttKeys)
        }
        if let reconnect = self.reconnectTime {
            point.reconnectTime = SecondPercentiles(reconnect)
        } else if container.contains(.reconnectCount) {
            point.reconnectTime = try TimeSeriesPoint.decodePercentiles(
                from: container,
                keys: TimeSeriesPoint.reconnectKeys
            )
        }
        self.point = point
    }
}
