/// A hand-written recursive-descent parser for threshold expressions:
///
///     expression := aggregate '(' metric [ '{' filter { ',' filter } '}' ] ')' operator value
///     filter     := label ( '=' | '!=' ) '"' glob '"'
///     value      := number [ unit ]        e.g. 50ms, 99.9%, 1000/s, 1MiB, 0
///
/// Spaces are allowed between tokens. Each error carries the offset where it starts.
struct ThresholdParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    mutating func parse() throws(ThresholdError) -> ThresholdExpression {
        skipSpaces()
        let aggregateStart = index
        let aggregateName = word()
        guard !aggregateName.isEmpty else {
            throw syntax("expected an aggregate such as p99, max, mean, count, rate or throughput", at: index)
        }
        skipSpaces()
        try expect("(", "after '\(aggregateName)'")
        skipSpaces()
        let metricStart = index
        let metricName = word()
        guard !metricName.isEmpty else { throw syntax("expected a metric name such as message_rtt", at: index) }
        guard let metric = Metric(rawValue: metricName) else {
            let hint = Suggestion.hint(for: metricName, in: Metric.allCases.map(\.rawValue))
            throw ThresholdError(.thresholdMetric, "unknown metric '\(metricName)'\(hint)", offset: metricStart)
        }
        skipSpaces()
        var filters: [LabelFilter] = []
        if peek == "{" {
            filters = try parseFilters(for: metric)
            skipSpaces()
        }
        try expect(")", "to close '\(aggregateName)('")
        skipSpaces()
        let op = try parseOperator()
        skipSpaces()
        let valueStart = index
        var valueText = ""
        while let scalar = peek, scalar != " ", scalar != "\t" {
            valueText.unicodeScalars.append(scalar)
            index += 1
        }
        guard !valueText.isEmpty else { throw syntax("expected a value after '\(op.rawValue)'", at: index) }
        let value = try parseValue(valueText, at: valueStart)
        skipSpaces()
        if index < scalars.count { throw syntax("unexpected text after the value", at: index) }
        let aggregate = try parseAggregate(aggregateName, at: aggregateStart)
        try check(aggregate, on: metric, at: aggregateStart)
        try checkUnit(value, aggregate: aggregate, metric: metric, at: valueStart)
        return ThresholdExpression(
            aggregate: aggregate,
            metric: metric,
            filters: filters,
            comparison: Comparison(op, value)
        )
    }

    // MARK: Tokens

    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func skipSpaces() {
        while let scalar = peek, scalar == " " || scalar == "\t" { index += 1 }
    }

    /// Letters, digits, `_` and `.` (so `p99.9` is one word).
    private mutating func word() -> String {
        var out = ""
        while let scalar = peek,
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_"
                || scalar == "."
        {
            out.unicodeScalars.append(scalar)
            index += 1
        }
        return out
    }

    private mutating func expect(_ scalar: Unicode.Scalar, _ context: String) throws(ThresholdError) {
        guard peek == scalar else {
            let found = peek.map { "'\($0)'" } ?? "the end"
            throw syntax("expected '\(scalar)' \(context), found \(found)", at: index)
        }
        index += 1
    }

    private func syntax(_ message: String, at offset: Int) -> ThresholdError {
        ThresholdError(.thresholdSyntax, message, offset: offset)
    }

    // MARK: Parts

    private mutating func parseFilters(for metric: Metric) throws(ThresholdError) -> [LabelFilter] {
        index += 1
        var filters: [LabelFilter] = []
        while true {
            skipSpaces()
            let labelStart = index
            let label = word()
            guard !label.isEmpty else { throw syntax("expected a label name such as code", at: index) }
            guard metric.labels.contains(label) else {
                let known = metric.labels.joined(separator: ", ")
                throw ThresholdError(
                    .thresholdLabel,
                    "metric '\(metric.rawValue)' has no label '\(label)'; it has \(known)",
                    offset: labelStart
                )
            }
            skipSpaces()
            var negated = false
            if peek == "!" {
                negated = true
                index += 1
            }
            try expect("=", "after label '\(label)'")
            skipSpaces()
            try expect("\"", "to start the label value")
            var pattern = ""
            while let scalar = peek, scalar != "\"" {
                pattern.unicodeScalars.append(scalar)
                index += 1
            }
            try expect("\"", "to end the label value")
            filters.append(LabelFilter(label: label, pattern: pattern, negated: negated))
            skipSpaces()
            if peek == "," {
                index += 1
                continue
            }
            try expect("}", "to close the label filters")
            return filters
        }
    }

    private mutating func parseOperator() throws(ThresholdError) -> Comparison.Operator {
        let start = index
        var text = ""
        while let scalar = peek, "<>=!".unicodeScalars.contains(scalar) {
            text.unicodeScalars.append(scalar)
            index += 1
        }
        guard let op = Comparison.Operator(rawValue: text) else {
            let found = text.isEmpty ? (peek.map { "'\($0)'" } ?? "the end") : "'\(text)'"
            throw syntax("expected an operator (<, <=, >, >=, ==, !=), found \(found)", at: start)
        }
        return op
    }

    private func parseAggregate(_ name: String, at offset: Int) throws(ThresholdError) -> Aggregate {
        switch name {
        case "min": return .min
        case "max": return .max
        case "mean", "avg": return .mean
        case "count": return .count
        case "rate": return .rate
        case "throughput": return .throughput
        default: break
        }
        if name.hasPrefix("p"), let value = Double(name.dropFirst()), name.dropFirst().first?.isNumber == true {
            guard value > 0, value <= 100 else {
                var message = "percentile '\(name)' is outside p0 < p ≤ p100"
                if value > 100, name.dropFirst().allSatisfy(\.isNumber), name.count > 3 {
                    message += " (did you mean '\(name.prefix(3)).\(name.dropFirst(3))'?)"
                }
                throw ThresholdError(.thresholdAggregate, message, offset: offset)
            }
            return .percentile(value)
        }
        let hint = Suggestion.hint(for: name, in: Aggregate.names)
        throw ThresholdError(
            .thresholdAggregate,
            "unknown aggregate '\(name)'; use pNN, min, max, mean, count, rate or throughput\(hint)",
            offset: offset
        )
    }

    private func check(_ aggregate: Aggregate, on metric: Metric, at offset: Int) throws(ThresholdError) {
        switch (metric.kind, aggregate) {
        case (.latency, .rate), (.latency, .throughput):
            throw ThresholdError(
                .thresholdAggregate,
                "'\(aggregate)' applies to counters, but '\(metric.rawValue)' is a latency; use pNN, min, max, mean or count",
                offset: offset
            )
        case (.counter, .percentile), (.counter, .min), (.counter, .max), (.counter, .mean):
            throw ThresholdError(
                .thresholdAggregate,
                "'\(aggregate)' applies to latencies, but '\(metric.rawValue)' is a counter; use count, rate or throughput",
                offset: offset
            )
        case (.counter, .rate) where metric.rateDenominator == nil:
            throw ThresholdError(
                .thresholdAggregate,
                "rate(\(metric.rawValue)) has no denominator; rate applies to upgrade_ok, upgrade_failed, errors, messages_lost and messages_received",
                offset: offset
            )
        default:
            return
        }
    }

    private func parseValue(_ text: String, at offset: Int) throws(ThresholdError) -> ThresholdValue {
        do {
            if text.hasSuffix("%") { return .percentage(try Percentage.parse(text)) }
            if text.contains("/") { return .rate(try Rate.parse(text)) }
            if text.hasSuffix("B") { return .size(try ByteSize.parse(text)) }
            if let number = Double(text), number >= 0, text.first?.isNumber == true { return .number(number) }
            return .duration(try Duration.parseHuman(text))
        } catch {
            throw ThresholdError(.thresholdSyntax, "bad value: \(error.message)", offset: offset)
        }
    }

    private func checkUnit(
        _ value: ThresholdValue,
        aggregate: Aggregate,
        metric: Metric,
        at offset: Int
    ) throws(ThresholdError) {
        let expected: String
        switch (aggregate, value) {
        case (.percentile, .duration), (.min, .duration), (.max, .duration), (.mean, .duration): return
        case (.percentile, _), (.min, _), (.max, _), (.mean, _): expected = "a duration such as 50ms"
        case (.count, .number): return
        case (.count, .size) where metric.countsBytes: return
        case (.count, _): expected = metric.countsBytes ? "a number or a size such as 1MiB" : "a plain number"
        case (.rate, .percentage): return
        case (.rate, _): expected = "a percentage such as 99.9%"
        case (.throughput, .rate): return
        case (.throughput, _): expected = "a rate such as 1000/s"
        }
        throw ThresholdError(
            .thresholdUnit,
            "\(aggregate)(\(metric.rawValue)) is compared with \(expected), not '\(value)'",
            offset: offset
        )
    }
}
