/// The parsed form of a threshold: `aggregate(metric{labels}) operator value`.
package struct ThresholdExpression: Sendable, Hashable, CustomStringConvertible {
    package var aggregate: Aggregate
    package var metric: Metric
    /// Label filters, all of which must match; empty selects every sample of the metric.
    package var filters: [LabelFilter]
    package var comparison: Comparison

    package init(aggregate: Aggregate, metric: Metric, filters: [LabelFilter] = [], comparison: Comparison) {
        self.aggregate = aggregate
        self.metric = metric
        self.filters = filters
        self.comparison = comparison
    }

    /// A normalised rendering, e.g. `p99(message_rtt) < 50ms`.
    package var description: String {
        let labels = filters.isEmpty ? "" : "{" + filters.map(\.description).joined(separator: ",") + "}"
        return "\(aggregate)(\(metric.rawValue)\(labels)) \(comparison)"
    }

    /// Parses and checks an expression against the metric catalogue.
    /// - Throws: `ThresholdError` with a code, a message and the scalar offset of the problem.
    package static func parse(_ text: String) throws(ThresholdError) -> ThresholdExpression {
        var parser = ThresholdParser(text)
        return try parser.parse()
    }
}
