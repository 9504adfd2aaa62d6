/// One problem the lint found: which rule, how serious, where (file and JSON path), and what to do.
package struct LintFinding: Sendable, Hashable {
    /// The rule that produced the finding.
    package var rule: LintRuleID
    /// How serious it is.
    package var severity: LintSeverity
    /// A sentence for a person: what is wrong, why it matters for WebSockets, and the fix.
    package var message: String
    /// The file and JSON path the finding points at.
    package var location: SourceLocation

    package init(rule: LintRuleID, severity: LintSeverity, message: String, location: SourceLocation) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.location = location
    }
}
