import Yams

/// One `--set key.path=value` argument, applied to the node tree before decoding so the value is checked
/// exactly like one written in the file (and its problems point at the argument).
package struct Override: Sendable, Hashable {
    /// One step of the path.
    package enum Segment: Sendable, Hashable, CustomStringConvertible {
        case key(String)
        case index(Int)

        package var description: String {
            switch self {
            case .key(let key): key
            case .index(let index): "[\(index)]"
            }
        }
    }

    /// The argument as given.
    package var argument: String
    /// The path, each segment with the 1-based column where it starts in the argument.
    package var segments: [(segment: Segment, column: Int)]
    /// The value, parsed as YAML (so `500` is a number and `[a, b]` a list); text when it is not YAML.
    package var value: SourceNode
    /// Where the argument sits, e.g. `--set #1`, the file label of its diagnostics.
    package var label: String

    package static func == (lhs: Override, rhs: Override) -> Bool {
        lhs.argument == rhs.argument && lhs.label == rhs.label
    }
    package func hash(into hasher: inout Hasher) { hasher.combine(argument) }

    /// Parses `key.path=value`; paths use `.` between keys and `[n]` for list items (`thresholds[0]`).
    /// - Throws: a `scenario.override.syntax` diagnostic positioned in the argument.
    package static func parse(_ argument: String, label: String = "--set") throws(DiagnosticError) -> Override {
        func fail(_ message: String, code: Diagnostic.Code = .overrideSyntax, column: Int) -> DiagnosticError {
            DiagnosticError(Diagnostic(.error, code, message, at: SourcePosition(file: label, line: 1, column: column)))
        }
        let scalars = Array(argument.unicodeScalars)
        guard let equals = scalars.firstIndex(of: "=") else {
            throw fail("'\(argument)' must be key.path=value, e.g. load.connections=500", column: 1)
        }
        var segments: [(Segment, Int)] = []
        var index = 0
        var key = ""
        var keyStart = 1
        func flush() -> Bool {
            guard !key.isEmpty else { return false }
            segments.append((.key(key), keyStart))
            key = ""
            return true
        }
        while index < equals {
            let scalar = scalars[index]
            if scalar == "." {
                let afterBracket = index > 0 && scalars[index - 1] == "]"
                guard flush() || afterBracket else { throw fail("empty key in path '\(argument)'", column: index + 1) }
                keyStart = index + 2
                index += 1
            } else if scalar == "[" {
                let hadKey = flush()
                let afterBracket = index > 0 && scalars[index - 1] == "]"
                guard hadKey || afterBracket else {
                    throw fail("'[' must follow a key, as in thresholds[0]", column: index + 1)
                }
                guard let close = scalars[index..<equals].firstIndex(of: "]"),
                    let number = Int(String(String.UnicodeScalarView(scalars[(index + 1)..<close]))), number >= 0
                else {
                    throw fail(
                        "a list index must be a whole number in brackets, as in thresholds[0]",
                        column: index + 1
                    )
                }
                segments.append((.index(number), index + 1))
                index = close + 1
                keyStart = index + 1
                if index < equals, scalars[index] != ".", scalars[index] != "[" {
                    throw fail("expected '.' or '[' after ']'", column: index + 1)
                }
            } else {
                if key.isEmpty { keyStart = index + 1 }
                key.unicodeScalars.append(scalar)
                index += 1
            }
        }
        if !key.isEmpty {
            _ = flush()
        } else if segments.isEmpty || (equals > 0 && scalars[equals - 1] == ".") {
            throw fail("'\(argument)' has no key before '='", column: equals + 1)
        }
        if segments.count > ScenarioLimits.maximumDepth {
            throw fail(
                "the path has \(segments.count) keys and indexes, more than the \(ScenarioLimits.maximumDepth) "
                    + "levels a scenario may nest",
                code: .limit,
                column: segments[ScenarioLimits.maximumDepth].1
            )
        }
        let valueText = String(String.UnicodeScalarView(scalars[(equals + 1)...]))
        let valueColumn = equals + 2
        var value = SourceNode(
            .scalar(valueText, plain: false),
            at: SourcePosition(file: label, line: 1, column: valueColumn)
        )
        if !valueText.contains("\n"), let exceeded = YAMLExpansionBudget.check(valueText) {
            throw fail(exceeded.message, code: .limit, column: valueColumn - 1 + exceeded.column)
        }
        if !valueText.contains("\n"), let node = try? Yams.compose(yaml: valueText) {
            value = SourceNode(yams: node, file: label, columnOffset: valueColumn - 1)
        } else if valueText.isEmpty {
            value = SourceNode(.scalar("", plain: true), at: SourcePosition(file: label, line: 1, column: valueColumn))
        }
        return Override(argument: argument, segments: segments, value: value, label: label)
    }

    private init(argument: String, segments: [(Segment, Int)], value: SourceNode, label: String) {
        self.argument = argument
        self.segments = segments.map { (segment: $0.0, column: $0.1) }
        self.value = value
        self.label = label
    }

    /// Sets the value at the path, creating missing mapping keys (and appending at index == count).
    /// - Returns: a `scenario.override.path` diagnostic when the path cannot be followed.
    package func apply(to root: inout SourceNode) -> Diagnostic? {
        apply(to: &root, from: 0, parentPath: "")
    }

    private func apply(to node: inout SourceNode, from depth: Int, parentPath: String) -> Diagnostic? {
        guard depth < segments.count else {
            node = value
            return nil
        }
        let (segment, column) = segments[depth]
        let position = SourcePosition(file: label, line: 1, column: column)
        let here = parentPath.isEmpty ? "the document" : "'\(parentPath)'"
        switch segment {
        case .key(let key):
            let childPath = parentPath.isEmpty ? key : "\(parentPath).\(key)"
            if node.isNull { node = SourceNode(.mapping([]), at: position) }
            guard case .mapping(var entries) = node.kind else {
                return Diagnostic(
                    .error,
                    .overridePath,
                    "cannot set '\(key)': \(here) is \(node.shapeDescription), not a mapping",
                    at: position
                )
            }
            if let existing = entries.firstIndex(where: { $0.key.scalar == key }) {
                let problem = apply(to: &entries[existing].value, from: depth + 1, parentPath: childPath)
                node.kind = .mapping(entries)
                return problem
            }
            var child = placeholder(after: depth, at: position)
            if let problem = apply(to: &child, from: depth + 1, parentPath: childPath) { return problem }
            entries.append(SourceNode.Entry(key: SourceNode(.scalar(key, plain: true), at: position), value: child))
            node.kind = .mapping(entries)
            return nil
        case .index(let index):
            let childPath = "\(parentPath)[\(index)]"
            if node.isNull { node = SourceNode(.sequence([]), at: position) }
            guard case .sequence(var items) = node.kind else {
                return Diagnostic(
                    .error,
                    .overridePath,
                    "cannot use index [\(index)]: \(here) is \(node.shapeDescription), not a list",
                    at: position
                )
            }
            if index < items.count {
                let problem = apply(to: &items[index], from: depth + 1, parentPath: childPath)
                node.kind = .sequence(items)
                return problem
            }
            guard index == items.count else {
                let range =
                    items.isEmpty
                    ? "the list is empty, use [0] to add" : "use 0-\(items.count - 1), or [\(items.count)] to append"
                return Diagnostic(
                    .error,
                    .overridePath,
                    "index [\(index)] is out of range for \(here) with \(items.count) item(s); \(range)",
                    at: position
                )
            }
            var child = placeholder(after: depth, at: position)
            if let problem = apply(to: &child, from: depth + 1, parentPath: childPath) { return problem }
            items.append(child)
            node.kind = .sequence(items)
            return nil
        }
    }

    /// An empty container of the kind the next segment needs (or null at the end of the path).
    private func placeholder(after depth: Int, at position: SourcePosition) -> SourceNode {
        guard depth + 1 < segments.count else { return SourceNode(.scalar("", plain: true), at: position) }
        if case .index = segments[depth + 1].segment { return SourceNode(.sequence([]), at: position) }
        return SourceNode(.mapping([]), at: position)
    }
}
