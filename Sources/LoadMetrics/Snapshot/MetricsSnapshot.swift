/// Every metric of one worker, one run or one interval: Sendable, Codable and mergeable.
///
/// Workers produce snapshots on their event loop (``MetricsRecorder/snapshot(resetInterval:)``) and
/// hand them to the coordinator; the coordinator and `wsprobe merge` combine them with
/// ``merge(_:)``: counts add and histograms add bucket by bucket, so merged percentiles are exact.
package struct MetricsSnapshot: Sendable, Equatable {
    /// The layout of every histogram in this snapshot.
    package let configuration: HistogramConfiguration
    /// One histogram per ``HistogramMetric``, indexed by its raw value.
    var histograms: [LatencyHistogram]
    /// One count per ``CounterMetric``, indexed by its raw value.
    var counters: [UInt64]
    /// Failures by stable error code (`tls.hostname-mismatch`, `handshake.unexpected-status`, …).
    package internal(set) var errors: [String: UInt64]
    /// Closed connections by close code and initiator.
    package internal(set) var closes: [CloseKey: UInt64]
    /// Upgraded connections by the identity the target reported (e.g. a pod name in a response header).
    package internal(set) var targetIdentities: [String: UInt64]
    /// Connections open when the snapshot was taken (a gauge: merging across workers or shards sums it).
    package internal(set) var connectionsOpen: UInt64
    /// Failures of upgraded connections whose target reported an identity, by that identity and then by
    /// error code (`["a": ["close.1001": 30]]`): the target the connection was on when the error happened.
    /// Failures before an upgrade have no target and are only in ``errors``.
    package internal(set) var errorsByTarget: [String: [String: UInt64]]
    /// Open connections by the identity their target reported, when the snapshot was taken (a gauge like
    /// ``connectionsOpen``; identities with no open connection are left out).
    package internal(set) var connectionsOpenByTarget: [String: UInt64]

    /// An empty snapshot whose histograms use `configuration`.
    package init(configuration: HistogramConfiguration = .latencyMicroseconds) {
        self.configuration = configuration
        self.histograms = HistogramMetric.allCases.map { _ in LatencyHistogram(configuration: configuration) }
        self.counters = Array(repeating: 0, count: CounterMetric.allCases.count)
        self.errors = [:]
        self.closes = [:]
        self.targetIdentities = [:]
        self.connectionsOpen = 0
        self.errorsByTarget = [:]
        self.connectionsOpenByTarget = [:]
    }

    /// The histogram of `metric`.
    package subscript(metric: HistogramMetric) -> LatencyHistogram {
        self.histograms[metric.rawValue]
    }

    /// The value of `counter`.
    package subscript(counter: CounterMetric) -> UInt64 {
        self.counters[counter.rawValue]
    }

    /// Values above the range of `metric`'s histogram (the `histogram_overflow` counter of that metric).
    package func overflowCount(_ metric: HistogramMetric) -> UInt64 {
        self.histograms[metric.rawValue].overflowCount
    }

    /// All failures, across error codes.
    package var errorCount: UInt64 {
        self.errors.values.reduce(0, &+)
    }

    /// All recorded closes, across codes and initiators.
    package var closeCount: UInt64 {
        self.closes.values.reduce(0, &+)
    }

    // MARK: In-place mutation (used by the recorder; no copy of the histogram arrays)

    /// Records `value` into the histogram of `metric`; out-of-range values count as its overflow.
    package mutating func record(_ metric: HistogramMetric, _ value: UInt64) {
        self.histograms[metric.rawValue].record(value)
    }

    /// Records `value` into `metric` with HdrHistogram's coordinated-omission back-fill.
    package mutating func recordCorrected(_ metric: HistogramMetric, _ value: UInt64, expectedInterval: UInt64) {
        self.histograms[metric.rawValue].recordCorrected(value, expectedInterval: expectedInterval)
    }

    /// Counts one out-of-range sample of `metric` that could not be expressed as a value.
    package mutating func recordOverflow(_ metric: HistogramMetric) {
        self.histograms[metric.rawValue].recordOverflow()
    }

    /// Replaces the histogram of `metric` (configurations must match; else it is merged into an empty one).
    package mutating func setHistogram(_ histogram: LatencyHistogram, for metric: HistogramMetric) {
        if histogram.configuration == self.configuration {
            self.histograms[metric.rawValue] = histogram
        } else {
            var converted = LatencyHistogram(configuration: self.configuration)
            converted.merge(histogram)
            self.histograms[metric.rawValue] = converted
        }
    }

    /// Replaces the value of `counter`.
    package mutating func setCounter(_ counter: CounterMetric, to value: UInt64) {
        self.counters[counter.rawValue] = value
    }

    /// Adds `amount` to `counter` (wrapping at 2^64, which no run reaches).
    package mutating func add(_ amount: UInt64, to counter: CounterMetric) {
        self.counters[counter.rawValue] &+= amount
    }

    /// Counts `amount` failures with the stable error `code`.
    package mutating func addError(code: String, count amount: UInt64 = 1) {
        self.errors[code, default: 0] &+= amount
    }

    /// Counts `amount` closes of `key`.
    package mutating func addClose(_ key: CloseKey, count amount: UInt64 = 1) {
        self.closes[key, default: 0] &+= amount
    }

    /// Counts `amount` upgraded connections served by `identity`.
    package mutating func addTargetIdentity(_ identity: String, count amount: UInt64 = 1) {
        self.targetIdentities[identity, default: 0] &+= amount
    }

    /// Counts `amount` failures with the stable error `code` of a connection on the target `identity`
    /// (also counted in ``errors``).
    package mutating func addError(code: String, target identity: String, count amount: UInt64 = 1) {
        self.errors[code, default: 0] &+= amount
        self.errorsByTarget[identity, default: [:]][code, default: 0] &+= amount
    }

    /// Sets the open-connections gauge.
    package mutating func setConnectionsOpen(_ value: UInt64) {
        self.connectionsOpen = value
    }

    /// Sets the open-connections gauge and its split by target identity (zero entries are dropped).
    package mutating func setConnectionsOpen(_ value: UInt64, byTarget: [String: UInt64]) {
        self.connectionsOpen = value
        self.connectionsOpenByTarget = byTarget.filter { $0.value > 0 }
    }
}
