/// A mapping node being decoded: checks its keys against the allowed list once (unknown keys reported
/// with a suggestion), then hands out typed values that report their own problems.
struct Fields {
    let context: DecodeContext
    let node: SourceNode
    /// Dotted path of this mapping for messages (`target.tls`), empty at the top.
    let path: String
    private let entries: [SourceNode.Entry]

    /// - Returns: nil (after reporting `scenario.type`) when `node` is not a mapping.
    init?(_ node: SourceNode, path: String, allowed: [String], context: DecodeContext) {
        guard case .mapping(let entries) = node.kind else {
            context.error(
                .type,
                "\(path.isEmpty ? "the scenario" : "'\(path)'") must be a mapping of keys to values, found \(node.shapeDescription)",
                at: node.position
            )
            return nil
        }
        self.context = context
        self.node = node
        self.path = path
        self.entries = entries
        for entry in entries {
            guard let key = entry.key.scalar else {
                context.error(
                    .type,
                    "keys must be plain words, found \(entry.key.shapeDescription)",
                    at: entry.key.position
                )
                continue
            }
            if !allowed.contains(key) {
                let place = path.isEmpty ? "at the top level" : "in '\(path)'"
                context.error(
                    .unknownKey,
                    "unknown key '\(key)' \(place)\(Suggestion.hint(for: key, in: allowed))",
                    at: entry.key.position
                )
            }
        }
    }

    /// The dotted path of a child key.
    func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The value node for `key`; a plain `null` counts as absent.
    subscript(key: String) -> SourceNode? {
        guard let value = entries.first(where: { $0.key.scalar == key })?.value, !value.isNull else { return nil }
        return value
    }

    /// The key node for `key` (for positions of key-level problems).
    func keyNode(_ key: String) -> SourceNode? {
        entries.first { $0.key.scalar == key }?.key
    }

    func has(_ key: String) -> Bool { self[key] != nil }

    /// The value for `key`, or a `scenario.missing-key` diagnostic at the mapping.
    func require(_ key: String) -> SourceNode? {
        if let value = self[key] { return value }
        context.error(
            .missingKey,
            "\(path.isEmpty ? "the scenario" : "'\(path)'") needs '\(key)'",
            at: node.position
        )
        return nil
    }

    /// Reports `scenario.exclusive` when more than one of `keys` is present; returns the present ones.
    @discardableResult
    func exclusive(_ keys: [String], required: Bool = false) -> [String] {
        let present = keys.filter { has($0) }
        if present.count > 1, let second = keyNode(present[1]) {
            context.error(
                .exclusive,
                "'\(path(present[0]))' and '\(path(present[1]))' cannot be used together; choose one of \(keys.map { "'\($0)'" }.joined(separator: ", "))",
                at: second.position
            )
        } else if present.isEmpty, required {
            context.error(
                .missingKey,
                "\(path.isEmpty ? "the scenario" : "'\(path)'") needs one of \(keys.map { "'\($0)'" }.joined(separator: ", "))",
                at: node.position
            )
        }
        return present
    }

    // MARK: Typed values

    func string(_ key: String) -> String? { self[key].flatMap { context.string($0, path(key)) } }
    func bool(_ key: String) -> Bool? { self[key].flatMap { context.bool($0, path(key)) } }
    func int(_ key: String, _ range: ClosedRange<Int>) -> Int? {
        self[key].flatMap { context.int($0, path(key), range) }
    }
    func double(_ key: String, _ range: ClosedRange<Double>) -> Double? {
        self[key].flatMap { context.double($0, path(key), range) }
    }
    func duration(_ key: String, minimum: Duration = .zero) -> Duration? {
        self[key].flatMap { context.duration($0, path(key), minimum: minimum) }
    }
    func rate(_ key: String) -> Rate? { self[key].flatMap { context.rate($0, path(key)) } }
    func size(_ key: String, _ range: ClosedRange<Int>) -> Int? {
        self[key].flatMap { context.size($0, path(key), range) }
    }
    func percentage(_ key: String) -> Percentage? { self[key].flatMap { context.percentage($0, path(key)) } }
    func stringList(_ key: String) -> [String]? { self[key].flatMap { context.stringList($0, path(key)) } }
    func keyValues(_ key: String) -> [KeyValue]? { self[key].flatMap { context.keyValues($0, path(key)) } }
    func regex(_ key: String) -> String? { self[key].flatMap { context.regex($0, path(key)) } }
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) -> T? where T.RawValue == String {
        self[key].flatMap { context.choice($0, path(key), type) }
    }
}
