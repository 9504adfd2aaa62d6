import Foundation

/// Renders a `LintReport` as compiler-style text lines or as JSON; pure, so it is tested without the CLI.
package enum LintReportFormatter {
    /// One line per finding, `file:path: severity[rule-id]: message`, then the summary line.
    package static func text(_ report: LintReport) -> String {
        var lines = report.findings.map { finding in
            "\(finding.location.file):\(finding.location.path): "
                + "\(finding.severity.rawValue)[\(finding.rule.rawValue)]: \(finding.message)"
        }
        lines.append(report.summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A JSON object: `findings` (file, path, severity, rule, message) and `summary` counts; keys sorted so
    /// output is stable for diffs and golden tests.
    package static func json(_ report: LintReport) throws(LintFormatError) -> String {
        let document = Document(
            findings: report.findings.map { finding in
                Document.Finding(
                    file: finding.location.file,
                    path: finding.location.path.description,
                    severity: finding.severity,
                    rule: finding.rule,
                    message: finding.message
                )
            },
            summary: Document.Summary(
                error: report.count(.error),
                warning: report.count(.warning),
                info: report.count(.info)
            )
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
        } catch {
            throw LintFormatError(reason: String(describing: error))
        }
    }

    /// The JSON shape of a report.
    private struct Document: Encodable {
        struct Finding: Encodable {
            var file: String
            var path: String
            var severity: LintSeverity
            var rule: LintRuleID
            var message: String
        }

        struct Summary: Encodable {
            var error: Int
            var warning: Int
            var info: Int
        }

        var findings: [Finding]
        var summary: Summary
    }
}
