package import LoadMetrics

/// The measured part of a rate-search step: it starts once the connections are open and the message rate has
/// run for a settling second (so the connect storm and a paced catch-up burst stay out), and lasts `length`.
///
/// A pure value fed with the coordinator's once-a-second samples (`offer`), so its schedule can be tested in
/// virtual time. Message figures come from the window; connection set-up, errors and closes from the whole
/// step (`steadyState(whole:)`): failures are never warmed away.
package struct MeasurementWindow: Sendable {
    /// How long the window measures, in seconds.
    package let lengthSeconds: Double
    /// Open connections the load reaches at its peak (0 for an open model: nothing to wait for).
    package let peakConnections: UInt64
    /// How long the rate runs on all connections before the window opens.
    package let settleSeconds: Double
    /// The window opens at the latest this long after the start, even if the peak was never reached.
    package let maximumWarmUpSeconds: Double
    /// When the peak was reached (and held since), in seconds after the start.
    package private(set) var reachedSeconds: Double?
    /// When the window opened, in seconds after the start; nil during the warm-up.
    package private(set) var startSeconds: Double?
    /// When the last sample of the window was taken.
    package private(set) var lastSampleSeconds: Double?
    /// The window's metrics: every interval after it opened, then the drain.
    package private(set) var measured: MetricsSnapshot

    /// Default settling time: one per-second sample with every connection open.
    package static let defaultSettleSeconds = 1.0

    package init(
        lengthSeconds: Double,
        peakConnections: UInt64,
        maximumWarmUpSeconds: Double,
        settleSeconds: Double = Self.defaultSettleSeconds,
        configuration: HistogramConfiguration = .latencyMicroseconds
    ) {
        self.lengthSeconds = lengthSeconds
        self.peakConnections = peakConnections
        self.settleSeconds = settleSeconds
        self.maximumWarmUpSeconds = maximumWarmUpSeconds
        self.measured = MetricsSnapshot(configuration: configuration)
    }

    /// Takes one sample: `interval` holds what happened since the previous one, `elapsedSeconds` is the time
    /// since the start, `open` the connections open now. Returns true once the window is complete.
    package mutating func offer(elapsedSeconds: Double, interval: MetricsSnapshot, open: UInt64) -> Bool {
        guard let start = self.startSeconds else {
            if open >= self.peakConnections {
                if self.reachedSeconds == nil { self.reachedSeconds = elapsedSeconds }
            } else {
                self.reachedSeconds = nil
            }
            let settled = self.reachedSeconds.map { elapsedSeconds - $0 >= self.settleSeconds - 0.05 } ?? false
            if settled || elapsedSeconds >= self.maximumWarmUpSeconds { self.startSeconds = elapsedSeconds }
            return false
        }
        self.measured.merge(interval)
        self.lastSampleSeconds = elapsedSeconds
        // A sample a few milliseconds early still closes the window (the loop wakes on whole seconds).
        return elapsedSeconds - start >= self.lengthSeconds - 0.05
    }

    /// Adds what the drain after the stop produced (echoes of messages sent in the window).
    package mutating func addDrain(_ interval: MetricsSnapshot) {
        guard self.startSeconds != nil else { return }
        self.measured.merge(interval)
    }

    /// Seconds of warm-up before the window opened; nil while it has not opened.
    package var warmUpSeconds: Double? { self.startSeconds }

    /// Seconds the window measured (rates divide by it).
    package var measuredSeconds: Double {
        guard let start = self.startSeconds, let last = self.lastSampleSeconds else { return 0 }
        return max(0, last - start)
    }

    /// The step's figures: messages, bytes, pings and their round trips from the window; connection set-up,
    /// upgrades, errors, closes and identities from `whole` (the whole step).
    package func steadyState(whole: MetricsSnapshot) -> MetricsSnapshot {
        var result = whole
        for metric in Self.messageHistograms { result.setHistogram(self.measured[metric], for: metric) }
        for counter in Self.messageCounters { result.setCounter(counter, to: self.measured[counter]) }
        return result
    }

    static let messageHistograms: [HistogramMetric] = [.messageRTT, .pingRTT]

    static let messageCounters: [CounterMetric] = [
        .messagesSent, .messagesReceived, .messagesLost, .messagesDuplicated, .messagesReordered,
        .payloadBytesSent, .payloadBytesReceived, .wireBytesSent, .wireBytesReceived, .pingsSent, .pongsReceived,
    ]
}
