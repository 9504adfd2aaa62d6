/// The right-hand side of a threshold: an operator and a value with its unit.
package struct Comparison: Sendable, Hashable, CustomStringConvertible {
    /// A comparison operator.
    package enum Operator: String, Sendable, Hashable, CaseIterable {
        case lessThan = "<"
        case lessOrEqual = "<="
        case greaterThan = ">"
        case greaterOrEqual = ">="
        case equal = "=="
        case notEqual = "!="
    }

    package var op: Operator
    package var value: ThresholdValue

    package init(_ op: Operator, _ value: ThresholdValue) {
        self.op = op
        self.value = value
    }

    /// Whether an observed value passes. `observed` must be in the value's canonical unit
    /// (`ThresholdValue.canonical`): seconds for durations, a fraction for percentages, events per
    /// second for rates, bytes for sizes, the plain number otherwise.
    package func evaluate(observed: Double) -> Bool {
        let limit = value.canonical
        switch op {
        case .lessThan: return observed < limit
        case .lessOrEqual: return observed <= limit
        case .greaterThan: return observed > limit
        case .greaterOrEqual: return observed >= limit
        case .equal: return observed == limit
        case .notEqual: return observed != limit
        }
    }

    package var description: String { "\(op.rawValue) \(value)" }
}
