// libyaml's event parser, the one Yams composes with. Yams keeps it internal, so this is the one place that
// reaches past Yams: counting has to happen on events, before Yams composes (and hashes) a single node.
internal import CYaml

/// The bounds of what a scenario may be: its text, what its YAML aliases expand to, how deep it nests and
/// how many steps it holds. Anything past them is refused with a positioned `scenario.limit` error before
/// it can expand (a 345-byte alias bomb would otherwise grow without end).
package enum ScenarioLimits {
    /// The largest scenario text: 1 MiB, far above any hand-written or generated scenario.
    package static let maximumBytes = 1 << 20
    /// The most YAML nodes a document (or one `--set` value) may expand to, every alias counted as the nodes
    /// it repeats.
    package static let maximumNodes = 100_000
    /// The deepest nesting of mappings and lists.
    package static let maximumDepth = 64
    /// The most steps a scenario's script may hold, counting those inside `repeat` blocks.
    package static let maximumSteps = 10_000
}

/// Counts the nodes a YAML text expands to, event by event, with the expanded size of every anchor
/// remembered so an alias costs one addition; stops at the first limit crossed.
enum YAMLExpansionBudget {
    /// A limit crossed, with the 1-based position of the event that crossed it.
    struct Exceeded: Error, Sendable {
        var message: String
        var line: Int
        var column: Int
    }

    /// The first limit `text` crosses, or nil when it stays within them (or is not valid YAML, which
    /// Yams then reports with its own position).
    static func check(
        _ text: String,
        maximumNodes: Int = ScenarioLimits.maximumNodes,
        maximumDepth: Int = ScenarioLimits.maximumDepth
    ) -> Exceeded? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var counter = Counter(maximumNodes: maximumNodes, maximumDepth: maximumDepth)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if let exceeded = counter.count(event) { return exceeded }
            }
        }
    }

    /// The running totals of one document.
    private struct Counter {
        let maximumNodes: Int
        let maximumDepth: Int
        /// Nodes so far, aliases expanded.
        var total = 0
        /// The expanded size of every anchor defined so far (a later anchor of the same name replaces it).
        var anchorSizes: [String: Int] = [:]
        /// The open mappings and lists: their anchor and the total just before them.
        var open: [(anchor: String?, start: Int)] = []

        mutating func count(_ event: yaml_event_t) -> Exceeded? {
            let line = event.start_mark.line + 1
            let column = event.start_mark.column + 1
            switch event.type {
            case YAML_SCALAR_EVENT:
                self.total += 1
                if let anchor = Self.text(event.data.scalar.anchor) { self.anchorSizes[anchor] = 1 }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = Self.text(
                    event.type == YAML_SEQUENCE_START_EVENT
                        ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                )
                self.open.append((anchor, self.total))
                self.total += 1
                guard self.open.count <= self.maximumDepth else {
                    return Exceeded(
                        message: "the document nests mappings and lists more than \(self.maximumDepth) levels deep",
                        line: line,
                        column: column
                    )
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = self.open.popLast() else { return nil }
                if let anchor = closed.anchor { self.anchorSizes[anchor] = self.total - closed.start }
            case YAML_ALIAS_EVENT:
                guard let anchor = Self.text(event.data.alias.anchor), let size = self.anchorSizes[anchor] else {
                    return nil  // an undefined alias: Yams reports it
                }
                self.total += size
                guard self.total <= self.maximumNodes else {
                    return Exceeded(
                        message: "the alias *\(anchor) repeats \(size) nodes, and with it the document expands to "
                            + "more than \(self.maximumNodes) nodes (the limit); write the values out or use "
                            + "fewer aliases",
                        line: line,
                        column: column
                    )
                }
            default:
                return nil
            }
            guard self.total <= self.maximumNodes else {
                return Exceeded(
                    message: "the document has more than \(self.maximumNodes) nodes (the limit)",
                    line: line,
                    column: column
                )
            }
            return nil
        }

        private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            guard let pointer else { return nil }
            return String(cString: pointer)
        }
    }
}
