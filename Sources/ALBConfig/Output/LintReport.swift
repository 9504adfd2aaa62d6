/// The findings of one lint run, with counts by severity.
package struct LintReport: Sendable, Hashable {
    /// The findings in output order.
    package var findings: [LintFinding]

    package init(findings: [LintFinding]) {
        self.findings = findings
    }

    /// How many findings have `severity`.
    package func count(_ severity: LintSeverity) -> Int {
        findings.count { $0.severity == severity }
    }

    /// Whether any finding is an error (then `wsprobe alb lint` exits with 1).
    package var hasErrors: Bool { count(.error) > 0 }

    /// "2 errors, 1 warning, 0 info" or "no findings".
    package var summary: String {
        if findings.isEmpty { return "no findings" }
        let errors = count(.error)
        let warnings = count(.warning)
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), "
            + "\(count(.info)) info"
    }
}
