import SecretRedaction

extension Diagnostic {
    /// The diagnostic followed by the source line it points at and a caret under the column, as
    /// compilers print them:
    ///
    ///     scenarios/x.yaml:3:8: error[scenario.url]: 'target.url' must start with ws:// or wss://, …
    ///       3 |   url: http://x
    ///         |        ^
    ///
    /// - Parameter source: The text of `file` (the scenario, or the `--set` argument); `nil` or a line
    ///   out of range gives the plain one-line form.
    package func rendered(source: String?) -> String {
        guard let source, line >= 1 else { return description }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard line <= lines.count else { return description }
        var original = String(lines[line - 1])
        if original.hasSuffix("\r") { original.removeLast() }
        // The quoted line goes through the redaction step like every output; the caret moves with the text
        // before it, so it still points at the same token.
        let text = Redaction.redact(fieldLine: original)
        let before = String(String.UnicodeScalarView(original.unicodeScalars.prefix(max(0, column - 1))))
        let shownBefore = text == original ? before : Redaction.redact(text: before)
        let number = String(line)
        let gutter = String(repeating: " ", count: number.count)
        let caretOffset = min(shownBefore.unicodeScalars.count, text.unicodeScalars.count)
        // Keep tabs so the caret lines up under tab-indented text.
        let padding = String(
            String.UnicodeScalarView(text.unicodeScalars.prefix(caretOffset).map { $0 == "\t" ? "\t" : " " })
        )
        return "\(description)\n  \(number) | \(text)\n  \(gutter) | \(padding)^"
    }
}
