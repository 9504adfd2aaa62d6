/// JSON form:
///
/// ```json
/// {
///   "configuration": {"lowestDiscernibleValue": 1, "highestTrackableValue": 60000000, "significantDigits": 3},
///   "histograms": {"message_rtt": {"configuration": {…}, "totalCount": 3, "min": 41, "max": 97,
///                                  "overflowCount": 0, "buckets": [[41, 2], [97, 1]]}, …},
///   "counters": {"connection_attempts": 10, "upgrades_ok": 10, …},
///   "errors": {"tls.hostname-mismatch": 2},
///   "closes": [{"code": 1000, "initiator": "client", "count": 10}],
///   "targetIdentities": {"pod-a": 6, "pod-b": 4},
///   "connectionsOpen": 0,
///   "errorsByTarget": {"pod-a": {"close.1001": 3}},
///   "connectionsOpenByTarget": {"pod-b": 6}
/// }
/// ```
///
/// Every histogram and counter is written, also when empty, so a report always names every metric.
/// `errorsByTarget` and `connectionsOpenByTarget` are written only when not empty, and reports written
/// before they (or the `reconnect` histogram and `reconnects` counter) existed decode with them empty.
/// Decoding rejects unknown metric names: silently dropping a metric would break exact merging.
extension MetricsSnapshot: Codable {
    private enum CodingKeys: String, CodingKey {
        case configuration, histograms, counters, errors, closes, targetIdentities, connectionsOpen
        case errorsByTarget, connectionsOpenByTarget
    }

    private struct CloseEntry: Codable {
        var code: UInt16
        var initiator: CloseKey.Initiator
        var count: UInt64
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let configuration = try container.decode(HistogramConfiguration.self, forKey: .configuration)
        self.init(configuration: configuration)

        let histograms = try container.decode([String: LatencyHistogram].self, forKey: .histograms)
        for (name, histogram) in histograms {
            guard let metric = HistogramMetric(name: name) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .histograms,
                    in: container,
                    debugDescription: "Unknown histogram '\(name)'; known: "
                        + HistogramMetric.allCases.map(\.name).joined(separator: ", ") + "."
                )
            }
            self.setHistogram(histogram, for: metric)
        }

        let counters = try container.decode([String: UInt64].self, forKey: .counters)
        for (name, value) in counters {
            guard let counter = CounterMetric(name: name) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .counters,
                    in: container,
                    debugDescription: "Unknown counter '\(name)'; known: "
                        + CounterMetric.allCases.map(\.name).joined(separator: ", ") + "."
                )
            }
            self.counters[counter.rawValue] = value
        }

        self.errors = try container.decodeIfPresent([String: UInt64].self, forKey: .errors) ?? [:]
        for entry in try container.decodeIfPresent([CloseEntry].self, forKey: .closes) ?? [] {
            self.addClose(CloseKey(code: entry.code, initiator: entry.initiator), count: entry.count)
        }
        self.targetIdentities = try container.decodeIfPresent([String: UInt64].self, forKey: .targetIdentities) ?? [:]
        self.connectionsOpen = try container.decodeIfPresent(UInt64.self, forKey: .connectionsOpen) ?? 0
        self.errorsByTarget =
            try container.decodeIfPresent([String: [String: UInt64]].self, forKey: .errorsByTarget) ?? [:]
        self.connectionsOpenByTarget =
            try container.decodeIfPresent([String: UInt64].self, forKey: .connectionsOpenByTarget) ?? [:]
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.configuration, forKey: .configuration)
        var histograms: [String: LatencyHistogram] = [:]
        for metric in HistogramMetric.allCases { histograms[metric.name] = self[metric] }
        try container.encode(histograms, forKey: .histograms)
        var counters: [String: UInt64] = [:]
        for counter in CounterMetric.allCases { counters[counter.name] = self[counter] }
        try container.encode(counters, forKey: .counters)
        try container.encode(self.errors, forKey: .errors)
        let closes = self.closes.sorted { $0.key < $1.key }.map {
            CloseEntry(code: $0.key.code, initiator: $0.key.initiator, count: $0.value)
        }
        try container.encode(closes, forKey: .closes)
        try container.encode(self.targetIdentities, forKey: .targetIdentities)
        try container.encode(self.connectionsOpen, forKey: .connectionsOpen)
        if !self.errorsByTarget.isEmpty { try container.encode(self.errorsByTarget, forKey: .errorsByTarget) }
        if !self.connectionsOpenByTarget.isEmpty {
            try container.encode(self.connectionsOpenByTarget, forKey: .connectionsOpenByTarget)
        }
    }
}
