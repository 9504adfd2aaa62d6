extension MetricsSnapshot {
    /// Adds `other` into this snapshot: every counter and keyed count adds, every histogram merges
    /// bucket by bucket (exact when configurations match), and the open-connections gauges (in total and
    /// by target) add (the snapshots are of different workers or shards at the same moment).
    package mutating func merge(_ other: MetricsSnapshot) {
        for metric in HistogramMetric.allCases {
            self.histograms[metric.rawValue].merge(other.histograms[metric.rawValue])
        }
        for counter in CounterMetric.allCases {
            self.counters[counter.rawValue] &+= other.counters[counter.rawValue]
        }
        for (code, count) in other.errors { self.errors[code, default: 0] &+= count }
        for (key, count) in other.closes { self.closes[key, default: 0] &+= count }
        for (identity, count) in other.targetIdentities { self.targetIdentities[identity, default: 0] &+= count }
        self.connectionsOpen &+= other.connectionsOpen
        for (identity, codes) in other.errorsByTarget {
            for (code, count) in codes { self.errorsByTarget[identity, default: [:]][code, default: 0] &+= count }
        }
        for (identity, count) in other.connectionsOpenByTarget {
            self.connectionsOpenByTarget[identity, default: 0] &+= count
        }
    }

    /// This snapshot merged with `other`.
    package func merged(with other: MetricsSnapshot) -> MetricsSnapshot {
        var copy = self
        copy.merge(other)
        return copy
    }

    /// All `snapshots` merged into one (an empty standard snapshot when there are none).
    package static func merging(_ snapshots: some Sequence<MetricsSnapshot>) -> MetricsSnapshot {
        var iterator = snapshots.makeIterator()
        guard var result = iterator.next() else { return MetricsSnapshot() }
        while let next = iterator.next() { result.merge(next) }
        return result
    }
}
