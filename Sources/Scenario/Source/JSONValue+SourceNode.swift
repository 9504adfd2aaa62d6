extension JSONValue {
    /// The scenario document as JSON, from the YAML tree the scenario was loaded from (after `--set`
    /// overrides), for ``RunResult/scenario``.
    ///
    /// Plain scalars are typed as YAML's core schema does: `null`/`~`/empty, `true`/`false`, integers,
    /// then decimal numbers; quoted scalars stay text (`"30"` is a string), as do durations like `10s`.
    /// Mapping order is not kept (reports sort keys).
    package init(_ node: SourceNode) {
        switch node.kind {
        case .mapping(let entries):
            var members: [String: JSONValue] = [:]
            for entry in entries { members[entry.key.scalar ?? ""] = JSONValue(entry.value) }
            self = .object(members)
        case .sequence(let elements):
            self = .array(elements.map(JSONValue.init))
        case .scalar(let text, let plain):
            guard plain else {
                self = .string(text)
                return
            }
            if node.isNull {
                self = .null
            } else if ["true", "True", "TRUE"].contains(text) {
                self = .bool(true)
            } else if ["false", "False", "FALSE"].contains(text) {
                self = .bool(false)
            } else if let integer = Int64(text) {
                self = .integer(integer)
            } else if text.contains(where: \.isNumber), !text.contains(where: \.isLetter) || text.contains("e"),
                let number = Double(text), number.isFinite
            {
                self = .number(number)
            } else {
                self = .string(text)
            }
        }
    }
}
