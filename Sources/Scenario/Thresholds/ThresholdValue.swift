/// A threshold's limit with its unit.
package enum ThresholdValue: Sendable, Hashable, CustomStringConvertible {
    case duration(Duration)
    case percentage(Percentage)
    case rate(Rate)
    case size(ByteSize)
    /// A plain count.
    case number(Double)

    /// The value in its canonical unit: seconds, fraction (0…1), events per second, bytes, or the number.
    package var canonical: Double {
        switch self {
        case .duration(let duration): return duration.secondsDouble
        case .percentage(let percentage): return percentage.fraction
        case .rate(let rate): return rate.perSecond
        case .size(let size): return Double(size.bytes)
        case .number(let number): return number
        }
    }

    package var description: String {
        switch self {
        case .duration(let duration): return duration.humanDescription
        case .percentage(let percentage): return percentage.description
        case .rate(let rate): return rate.description
        case .size(let size): return size.description
        case .number(let number): return number == number.rounded() ? String(Int64(number)) : String(number)
        }
    }
}
