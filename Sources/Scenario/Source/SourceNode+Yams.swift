import Yams

extension SourceNode {
    /// Converts a composed Yams node, keeping every mark; aliases were already resolved by the composer.
    /// - Parameters:
    ///   - file: The label positions carry.
    ///   - lineOffset: Added to every line (0 for files).
    ///   - columnOffset: Added to columns on line 1 (for `--set` values placed after `key=`).
    init(yams node: Node, file: String, columnOffset: Int = 0) {
        func position(_ mark: Mark?) -> SourcePosition {
            guard let mark else { return SourcePosition(file: file, line: 1, column: 1 + columnOffset) }
            let column = mark.line == 1 ? mark.column + columnOffset : mark.column
            return SourcePosition(file: file, line: mark.line, column: column)
        }
        switch node {
        case .scalar(let scalar):
            let plain = scalar.style == .plain || scalar.style == .any
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            self.init(.scalar(scalar.string, plain: plain), at: position(scalar.mark), textOffset: quoted ? 1 : 0)
        case .mapping(let mapping):
            let entries = mapping.map { pair in
                Entry(
                    key: SourceNode(yams: pair.key, file: file, columnOffset: columnOffset),
                    value: SourceNode(yams: pair.value, file: file, columnOffset: columnOffset)
                )
            }
            self.init(.mapping(entries), at: position(mapping.mark))
        case .sequence(let sequence):
            let items = sequence.map { SourceNode(yams: $0, file: file, columnOffset: columnOffset) }
            self.init(.sequence(items), at: position(sequence.mark))
        case .alias(let alias):
            self.init(.scalar("", plain: true), at: position(alias.mark))
        }
    }
}
