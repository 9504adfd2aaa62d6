/// What a worker hands the coordinator on each tick: its run total and its latest interval.
package struct RecorderSnapshot: Sendable, Equatable {
    /// Everything recorded since the recorder was created.
    package var total: MetricsSnapshot
    /// Everything recorded since the previous interval reset (the time-series input).
    package var interval: MetricsSnapshot

    package init(total: MetricsSnapshot, interval: MetricsSnapshot) {
        self.total = total
        self.interval = interval
    }
}
