/// JSON form: `{"seconds": 60, "intervals": [{"firstSecond", "lastSecond", "messageRTT", "reconnectTime"?}]}`
/// with the histograms in their lossless sparse form; `reconnectTime` only in intervals with reconnects.
/// Decoding validates the alignment (``IntervalHistogramsError``) and every histogram.
extension IntervalHistograms: Codable {
    private enum CodingKeys: String, CodingKey {
        case seconds, intervals
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let seconds = try container.decode(Int64.self, forKey: .seconds)
        let intervals = try container.decode([Interval].self, forKey: .intervals)
        do {
            try self.init(seconds: seconds, intervals: intervals)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .intervals,
                in: container,
                debugDescription: "Interval histograms \(seconds) s long are inconsistent: \(error)."
            )
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.seconds, forKey: .seconds)
        try container.encode(self.intervals, forKey: .intervals)
    }
}

extension IntervalHistograms.Interval: Codable {
    private enum CodingKeys: String, CodingKey {
        case firstSecond, lastSecond, messageRTT, reconnectTime
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rtt = try container.decode(LatencyHistogram.self, forKey: .messageRTT)
        self.init(
            firstSecond: try container.decode(Int64.self, forKey: .firstSecond),
            lastSecond: try container.decode(Int64.self, forKey: .lastSecond),
            messageRTT: rtt,
            reconnectTime: try container.decodeIfPresent(LatencyHistogram.self, forKey: .reconnectTime)
                ?? LatencyHistogram(configuration: rtt.configuration)
        )
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.firstSecond, forKey: .firstSecond)
        try container.encode(self.lastSecond, forKey: .lastSecond)
        try container.encode(self.messageRTT, forKey: .messageRTT)
        if !self.reconnectTime.isEmpty || self.reconnectTime.overflowCount > 0 {
            try container.encode(self.reconnectTime, forKey: .reconnectTime)
        }
    }
}
