/// An error carrying diagnostics, thrown by the loader's throwing entry points and by `Override.parse`.
package struct DiagnosticError: Error, Sendable, Hashable, CustomStringConvertible {
    package var diagnostics: [Diagnostic]

    package init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    package init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    /// The stable code of this error as a whole.
    package var code: String { "scenario.invalid" }

    /// One diagnostic per line.
    package var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
