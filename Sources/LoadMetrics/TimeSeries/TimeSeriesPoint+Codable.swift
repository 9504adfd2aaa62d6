/// JSON form: the counts, the derived `rttP50`/`rttP90`/`rttP99`/`rttMax` (µs) for readers and charts,
/// and `messageRTT` in lossless sparse form for exact merging. On decoding, the derived fields are
/// ignored and recomputed from `messageRTT`, so they can never disagree with it.
///
/// The drain fields are optional, so series written before they existed still decode: `messagesLost`,
/// `reconnects` (always written) and `connectionsOpenByTarget` (written when not empty); `reconnectTime`
/// with its derived `reconnectP50`/`reconnectP99`/`reconnectMax` only in seconds with reconnects.
extension TimeSeriesPoint: Codable {
    private enum CodingKeys: String, CodingKey {
        case second, connectionsOpen, connectionAttempts, upgradesOK, upgradesFailed
        case messagesSent, messagesReceived, payloadBytesSent, payloadBytesReceived
        case wireBytesSent, wireBytesReceived, errors
        case rttP50, rttP90, rttP99, rttMax, messageRTT
        case messagesLost, reconnects, connectionsOpenByTarget
        case reconnectTime, reconnectP50, reconnectP99, reconnectMax
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rtt = try container.decode(LatencyHistogram.self, forKey: .messageRTT)
        var interval = MetricsSnapshot(configuration: rtt.configuration)
        interval.setHistogram(rtt, for: .messageRTT)
        self.init(second: try container.decode(Int64.self, forKey: .second), interval: interval)
        self.connectionsOpen = try container.decode(UInt64.self, forKey: .connectionsOpen)
        self.connectionAttempts = try container.decode(UInt64.self, forKey: .connectionAttempts)
        self.upgradesOK = try container.decode(UInt64.self, forKey: .upgradesOK)
        self.upgradesFailed = try container.decode(UInt64.self, forKey: .upgradesFailed)
        self.messagesSent = try container.decode(UInt64.self, forKey: .messagesSent)
        self.messagesReceived = try container.decode(UInt64.self, forKey: .messagesReceived)
        self.payloadBytesSent = try container.decode(UInt64.self, forKey: .payloadBytesSent)
        self.payloadBytesReceived = try container.decode(UInt64.self, forKey: .payloadBytesReceived)
        self.wireBytesSent = try container.decode(UInt64.self, forKey: .wireBytesSent)
        self.wireBytesReceived = try container.decode(UInt64.self, forKey: .wireBytesReceived)
        self.errors = try container.decodeIfPresent([String: UInt64].self, forKey: .errors) ?? [:]
        self.messagesLost = try container.decodeIfPresent(UInt64.self, forKey: .messagesLost) ?? 0
        self.reconnects = try container.decodeIfPresent(UInt64.self, forKey: .reconnects) ?? 0
        self.connectionsOpenByTarget =
            try container.decodeIfPresent([String: UInt64].self, forKey: .connectionsOpenByTarget) ?? [:]
        if let reconnect = try container.decodeIfPresent(LatencyHistogram.self, forKey: .reconnectTime) {
            self.setReconnectTime(reconnect)
        }
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
        try container.encode(self.rttP50, forKey: .rttP50)
        try container.encode(self.rttP90, forKey: .rttP90)
        try container.encode(self.rttP99, forKey: .rttP99)
        try container.encode(self.rttMax, forKey: .rttMax)
        try container.encode(self.messageRTT, forKey: .messageRTT)
        try container.encode(self.messagesLost, forKey: .messagesLost)
        try container.encode(self.reconnects, forKey: .reconnects)
        if !self.connectionsOpenByTarget.isEmpty {
            try container.encode(self.connectionsOpenByTarget, forKey: .connectionsOpenByTarget)
        }
        if self.reconnectTime.totalCount > 0 || self.reconnectTime.overflowCount > 0 {
            try container.encode(self.reconnectTime, forKey: .reconnectTime)
            try container.encode(self.reconnectP50, forKey: .reconnectP50)
            try container.encode(self.reconnectP99, forKey: .reconnectP99)
            try container.encode(self.reconnectMax, forKey: .reconnectMax)
        }
    }
}
