extension DecodeContext {
    /// Any scalar as text.
    func string(_ node: SourceNode, _ path: String) -> String? {
        guard let text = node.scalar else {
            error(.type, "'\(path)' must be text, found \(node.shapeDescription)", at: node.position)
            return nil
        }
        return text
    }

    /// `true` or `false` (unquoted).
    func bool(_ node: SourceNode, _ path: String) -> Bool? {
        if case .scalar(let text, plain: true) = node.kind {
            switch text {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        error(.type, "'\(path)' must be true or false, found \(node.shapeDescription)", at: node.position)
        return nil
    }

    /// An unquoted whole number within `range`.
    func int(_ node: SourceNode, _ path: String, _ range: ClosedRange<Int>) -> Int? {
        guard case .scalar(let text, plain: true) = node.kind, let value = Int(text) else {
            error(.type, "'\(path)' must be a whole number, found \(node.shapeDescription)", at: node.position)
            return nil
        }
        guard range.contains(value) else {
            error(
                .range,
                "'\(path)' must be between \(range.lowerBound) and \(range.upperBound), found \(value)",
                at: node.position
            )
            return nil
        }
        return value
    }

    /// An unquoted number within `range`.
    func double(_ node: SourceNode, _ path: String, _ range: ClosedRange<Double>) -> Double? {
        guard case .scalar(let text, plain: true) = node.kind, let value = Double(text), value.isFinite else {
            error(.type, "'\(path)' must be a number, found \(node.shapeDescription)", at: node.position)
            return nil
        }
        guard range.contains(value) else {
            error(
                .range,
                "'\(path)' must be between \(range.lowerBound) and \(range.upperBound), found \(text)",
                at: node.position
            )
            return nil
        }
        return value
    }

    /// A human duration (`30s`, `1h30m`) of at least `minimum`.
    func duration(_ node: SourceNode, _ path: String, minimum: Duration = .zero) -> Duration? {
        guard let text = scalarForUnit(node, path, example: "30s") else { return nil }
        do {
            let value = try Duration.parseHuman(text)
            guard value >= minimum else {
                error(
                    .range,
                    "'\(path)' must be at least \(minimum.humanDescription), found \(text)",
                    at: node.position
                )
                return nil
            }
            return value
        } catch {
            self.error(error.code, "'\(path)': \(error.message)", at: node.position)
            return nil
        }
    }

    /// A human rate (`200/s`).
    func rate(_ node: SourceNode, _ path: String) -> Rate? {
        guard let text = scalarForUnit(node, path, example: "200/s") else { return nil }
        do {
            return try Rate.parse(text)
        } catch {
            self.error(error.code, "'\(path)': \(error.message)", at: node.position)
            return nil
        }
    }

    /// A human size (`64KiB`) in bytes within `range`.
    func size(_ node: SourceNode, _ path: String, _ range: ClosedRange<Int>) -> Int? {
        guard let text = scalarForUnit(node, path, example: "64KiB") else { return nil }
        do {
            let bytes = try ByteSize.parse(text).bytes
            guard range.contains(bytes) else {
                let low = ByteSize(bytes: range.lowerBound)
                let high = ByteSize(bytes: range.upperBound)
                error(.range, "'\(path)' must be between \(low) and \(high), found \(text)", at: node.position)
                return nil
            }
            return bytes
        } catch {
            self.error(error.code, "'\(path)': \(error.message)", at: node.position)
            return nil
        }
    }

    /// A human percentage (`99.9%`).
    func percentage(_ node: SourceNode, _ path: String) -> Percentage? {
        guard let text = scalarForUnit(node, path, example: "50%") else { return nil }
        do {
            return try Percentage.parse(text)
        } catch {
            self.error(error.code, "'\(path)': \(error.message)", at: node.position)
            return nil
        }
    }

    private func scalarForUnit(_ node: SourceNode, _ path: String, example: String) -> String? {
        guard let text = node.scalar else {
            error(
                .type,
                "'\(path)' must be a value such as \(example), found \(node.shapeDescription)",
                at: node.position
            )
            return nil
        }
        return text
    }

    /// One scalar or a list of scalars.
    func stringList(_ node: SourceNode, _ path: String) -> [String]? {
        switch node.kind {
        case .scalar(let text, _): return [text]
        case .sequence(let items):
            var out: [String] = []
            for (index, item) in items.enumerated() {
                guard let text = string(item, "\(path)[\(index)]") else { continue }
                out.append(text)
            }
            return out
        case .mapping:
            error(.type, "'\(path)' must be a list of text values, found a mapping", at: node.position)
            return nil
        }
    }

    /// A mapping of names to scalar values, order kept.
    func keyValues(_ node: SourceNode, _ path: String) -> [KeyValue]? {
        guard case .mapping(let entries) = node.kind else {
            error(
                .type,
                "'\(path)' must be a mapping of names to values, found \(node.shapeDescription)",
                at: node.position
            )
            return nil
        }
        var out: [KeyValue] = []
        for entry in entries {
            guard let name = entry.key.scalar else {
                error(.type, "names in '\(path)' must be text", at: entry.key.position)
                continue
            }
            guard let value = string(entry.value, "\(path).\(name)") else { continue }
            out.append(KeyValue(name, entry.value.isNull ? "" : value))
        }
        return out
    }

    /// A regular expression that compiles with Swift `Regex`.
    func regex(_ node: SourceNode, _ path: String) -> String? {
        guard let pattern = string(node, path) else { return nil }
        do {
            _ = try Regex(pattern)
            return pattern
        } catch {
            self.error(.regex, "'\(path)' is not a valid regular expression: \(error)", at: node.position)
            return nil
        }
    }

    /// One of an enumeration's raw values.
    func choice<T: RawRepresentable & CaseIterable>(_ node: SourceNode, _ path: String, _ type: T.Type) -> T?
    where T.RawValue == String {
        let names = T.allCases.map(\.rawValue)
        guard let text = string(node, path) else { return nil }
        if let value = T(rawValue: text) { return value }
        let list = names.map { "'\($0)'" }.joined(separator: ", ")
        error(
            .choice,
            "'\(path)' must be one of \(list), found '\(text)'\(Suggestion.hint(for: text, in: names))",
            at: node.position
        )
        return nil
    }

    /// The items of a list node, or nil after a `scenario.type` diagnostic.
    func list(_ node: SourceNode, _ path: String) -> [SourceNode]? {
        guard case .sequence(let items) = node.kind else {
            error(.type, "'\(path)' must be a list, found \(node.shapeDescription)", at: node.position)
            return nil
        }
        return items
    }
}
