/// A place in a scenario source: a file (or `--set` argument), a 1-based line and a 1-based column.
///
/// Columns count Unicode scalars, as libYAML does.
package struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    /// The file path as given by the user, or a label such as `--set` for command-line overrides.
    package var file: String
    /// Line number, starting at 1.
    package var line: Int
    /// Column number, starting at 1.
    package var column: Int

    package init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The position `offset` scalars further along the same line.
    package func advanced(by offset: Int) -> SourcePosition {
        SourcePosition(file: file, line: line, column: column + offset)
    }

    /// `file:line:column`, the form editors and compilers use.
    package var description: String { "\(file):\(line):\(column)" }
}
