/// What loading a scenario produced: the scenario when there were no errors, and every diagnostic.
package struct ScenarioLoadResult: Sendable {
    /// The validated scenario; nil when any diagnostic is an error.
    package var scenario: Scenario?
    /// All problems found, errors and warnings, in the order they were found (file order, overrides first).
    package var diagnostics: [Diagnostic]

    package init(scenario: Scenario?, diagnostics: [Diagnostic]) {
        self.scenario = scenario
        self.diagnostics = diagnostics
    }

    package var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    package var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
