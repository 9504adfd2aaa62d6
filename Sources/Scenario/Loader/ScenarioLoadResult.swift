/// What loading a scenario produced: the scenario when there were no errors, and every diagnostic.
package struct ScenarioLoadResult: Sendable {
    /// The validated scenario; nil when any diagnostic is an error.
    package var scenario: Scenario?
    /// All problems found, errors and warnings, in the order they were found (file order, overrides first).
    package var diagnostics: [Diagnostic]
    /// The text behind each diagnostic file label (the scenario and each `--set` argument), for snippets.
    package var sources: [String: String]

    package init(scenario: Scenario?, diagnostics: [Diagnostic], sources: [String: String] = [:]) {
        self.scenario = scenario
        self.diagnostics = diagnostics
        self.sources = sources
    }

    /// Every diagnostic with its source line and a caret, separated by blank lines.
    package var renderedDiagnostics: [String] {
        diagnostics.map { $0.rendered(source: sources[$0.file]) }
    }

    package var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    package var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
