/// A threshold's limit drawn on a chart: a dashed line at `value` (in the chart's y unit) with the threshold's
/// text, coloured by whether the threshold passed.
struct ChartLimit: Equatable {
    /// The y value of the line.
    let value: Double
    /// The threshold as written, e.g. `p99(message_rtt) < 50ms`.
    let label: String
    /// Whether the threshold passed.
    let passed: Bool
}
