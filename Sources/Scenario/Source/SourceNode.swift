/// A YAML node with the position it came from, detached from Yams so it is a plain `Sendable` value and
/// so `--set` overrides can carry their own positions.
package struct SourceNode: Sendable, Hashable {
    /// The shape of a node.
    package enum Kind: Sendable, Hashable {
        /// A scalar as written; `plain` is false when it was quoted or a block scalar, so `"30"` stays text.
        case scalar(String, plain: Bool)
        /// A mapping in document order.
        case mapping([Entry])
        /// A sequence.
        case sequence([SourceNode])
    }

    /// One key/value pair of a mapping, the key kept as a node for its position.
    package struct Entry: Sendable, Hashable {
        package var key: SourceNode
        package var value: SourceNode

        package init(key: SourceNode, value: SourceNode) {
            self.key = key
            self.value = value
        }
    }

    package var kind: Kind
    package var position: SourcePosition
    /// Where the scalar's text starts: one column after `position` for quoted scalars.
    package var textOffset: Int

    package init(_ kind: Kind, at position: SourcePosition, textOffset: Int = 0) {
        self.kind = kind
        self.position = position
        self.textOffset = textOffset
    }

    /// The scalar text, or nil for mappings and sequences.
    package var scalar: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// True for a plain `null`, `~` or empty scalar.
    package var isNull: Bool {
        if case .scalar(let text, let plain) = kind, plain {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    /// A word for error messages: "a mapping", "a list", "the text \"x\"".
    package var shapeDescription: String {
        switch kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let text, _):
            if isNull { return "nothing (null)" }
            return "\"\(text)\""
        }
    }

    /// The value for `key` in a mapping node.
    package subscript(key: String) -> SourceNode? {
        guard case .mapping(let entries) = kind else { return nil }
        return entries.first { $0.key.scalar == key }?.value
    }

    /// The key node for `key` in a mapping node (for positions of key-level problems).
    package func key(named key: String) -> SourceNode? {
        guard case .mapping(let entries) = kind else { return nil }
        return entries.first { $0.key.scalar == key }?.key
    }
}
