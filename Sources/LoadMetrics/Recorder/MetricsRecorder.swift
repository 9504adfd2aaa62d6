/// The metrics of one worker, owned by one event loop.
///
/// Recording is allocation-free: histograms and counters sit in fixed arrays indexed by
/// ``HistogramMetric`` and ``CounterMetric``; only the failure and connection paths (error codes,
/// close codes, target identities) touch dictionaries. Everything recorded goes into the current
/// interval; ``snapshot(resetInterval:)`` folds the interval into the run total and hands both out.
///
/// Not Sendable: it lives on its event loop, and what crosses threads is the ``RecorderSnapshot``.
package struct MetricsRecorder {
    /// Layout of every histogram.
    package let configuration: HistogramConfiguration
    /// What was recorded since the last interval reset.
    private var interval: MetricsSnapshot
    /// Everything recorded before the current interval.
    private var totalBeforeInterval: MetricsSnapshot
    /// Connections currently open on this worker.
    package private(set) var connectionsOpen: UInt64
    /// Connections currently open on this worker, by the identity their target reported.
    package private(set) var connectionsOpenByTarget: [String: UInt64]

    /// A recorder with empty metrics; the default layout is µs, 1 µs to 60 s, 3 digits.
    package init(configuration: HistogramConfiguration = .latencyMicroseconds) {
        self.configuration = configuration
        self.interval = MetricsSnapshot(configuration: configuration)
        self.totalBeforeInterval = MetricsSnapshot(configuration: configuration)
        self.connectionsOpen = 0
        self.connectionsOpenByTarget = [:]
    }

    // MARK: Histograms

    /// Records a duration in microseconds; values above 60 s (the range) are counted as overflow.
    package mutating func record(_ metric: HistogramMetric, microseconds: UInt64) {
        self.interval.record(metric, microseconds)
    }

    /// Records a duration in nanoseconds, rounded to the nearest microsecond.
    package mutating func record(_ metric: HistogramMetric, nanoseconds: UInt64) {
        let (rounded, overflow) = nanoseconds.addingReportingOverflow(500)
        self.interval.record(metric, overflow ? UInt64.max / 1000 : rounded / 1000)
    }

    /// Records the duration from `start` to `end` (monotonic nanoseconds), rounded to microseconds.
    ///
    /// An `end` before `start` cannot be a duration; it is counted as overflow of `metric` rather than
    /// clamped to 0, so inconsistent timestamps show up in the report instead of flattering it.
    package mutating func record(_ metric: HistogramMetric, fromNanoseconds start: UInt64, toNanoseconds end: UInt64) {
        guard end >= start else {
            self.interval.recordOverflow(metric)
            return
        }
        self.record(metric, nanoseconds: end - start)
    }

    /// Records a closed-loop round trip in microseconds and back-fills the samples a sender on a fixed
    /// `expectedIntervalMicroseconds` missed while it waited (see ``LatencyHistogram/recordCorrected(_:expectedInterval:)``).
    /// Open-model latency is measured from the pacer's intended send time instead.
    package mutating func recordCorrected(
        _ metric: HistogramMetric,
        microseconds: UInt64,
        expectedIntervalMicroseconds: UInt64
    ) {
        self.interval.recordCorrected(metric, microseconds, expectedInterval: expectedIntervalMicroseconds)
    }

    // MARK: Counters

    /// Adds `amount` (default 1) to `counter`.
    package mutating func increment(_ counter: CounterMetric, by amount: UInt64 = 1) {
        self.interval.add(amount, to: counter)
    }

    /// Counts one failure with the stable error `code` (e.g. `tls.hostname-mismatch`).
    package mutating func recordError(code: String) {
        self.interval.addError(code: code)
    }

    /// Counts one failure with the stable error `code` of a connection on the target that reported
    /// `identity` (counted by code as ``recordError(code:)`` does, and by target and code).
    package mutating func recordError(code: String, target identity: String?) {
        if let identity {
            self.interval.addError(code: code, target: identity)
        } else {
            self.interval.addError(code: code)
        }
    }

    /// Counts one reconnect: a replacement upgraded `nanoseconds` after the connection it replaces was
    /// ended by the server or the network (the `reconnect` histogram and the `reconnects` counter).
    package mutating func recordReconnect(nanoseconds: UInt64) {
        self.interval.add(1, to: .reconnects)
        self.record(.reconnect, nanoseconds: nanoseconds)
    }

    /// Counts one closed connection with its close code and initiator.
    package mutating func recordClose(code: UInt16, initiator: CloseKey.Initiator) {
        self.interval.addClose(CloseKey(code: code, initiator: initiator))
    }

    /// Counts one upgraded connection served by the target that reported `identity`.
    package mutating func recordTargetIdentity(_ identity: String) {
        self.interval.addTargetIdentity(identity)
    }

    // MARK: Gauge

    /// Marks one more connection open (call once the upgrade succeeded), on the target that reported
    /// `identity` if it reported one.
    package mutating func connectionOpened(target identity: String? = nil) {
        self.connectionsOpen &+= 1
        if let identity { self.connectionsOpenByTarget[identity, default: 0] &+= 1 }
    }

    /// Marks one connection closed, on the target named as it was when opened; never goes below 0, and a
    /// target without open connections is dropped from ``connectionsOpenByTarget``.
    package mutating func connectionClosed(target identity: String? = nil) {
        if self.connectionsOpen > 0 { self.connectionsOpen -= 1 }
        guard let identity, let open = self.connectionsOpenByTarget[identity] else { return }
        if open > 1 {
            self.connectionsOpenByTarget[identity] = open - 1
        } else {
            self.connectionsOpenByTarget.removeValue(forKey: identity)
        }
    }

    // MARK: Snapshots

    /// The run total and the current interval, as Sendable values for the coordinator.
    ///
    /// With `resetInterval` (the coordinator's per-second tick) the interval is folded into the total
    /// and restarted, so the next interval holds only what is recorded after this call; without it
    /// (a progress peek) nothing changes. Both snapshots carry the current open-connections gauge.
    /// Cost: one merge of the histogram arrays and one allocation of fresh interval histograms per
    /// reset, about a megabyte of memory traffic per second per worker, never per message.
    package mutating func snapshot(resetInterval: Bool = true) -> RecorderSnapshot {
        self.interval.setConnectionsOpen(self.connectionsOpen, byTarget: self.connectionsOpenByTarget)
        var total = self.totalBeforeInterval.merged(with: self.interval)
        total.setConnectionsOpen(self.connectionsOpen, byTarget: self.connectionsOpenByTarget)
        let result = RecorderSnapshot(total: total, interval: self.interval)
        if resetInterval {
            self.totalBeforeInterval = total
            self.interval = MetricsSnapshot(configuration: self.configuration)
        }
        return result
    }
}

@available(*, unavailable)
extension MetricsRecorder: Sendable {}
