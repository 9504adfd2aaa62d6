import ALBConfig
import Foundation
import Testing

/// Text and JSON rendering of findings, without the CLI.
struct FormatterTests {
    static let report = LintReport(findings: [
        LintFinding(
            rule: .httpHealthCheck,
            severity: .error,
            message: "remove it",
            location: SourceLocation(file: "groups.json", path: JSONPath.root.appending("items").appending(index: 0))
        ),
        LintFinding(
            rule: .weightZero,
            severity: .warning,
            message: "drains",
            location: SourceLocation(file: "groups.json", path: .root)
        ),
    ])

    @Test("Text output is one file:path: severity[id]: message line per finding, then a summary")
    func text() {
        #expect(
            LintReportFormatter.text(Self.report) == """
                groups.json:items[0]: error[alb.http-health-check]: remove it
                groups.json:$: warning[alb.weight-zero]: drains
                1 error, 1 warning, 0 info

                """
        )
    }

    @Test("An empty report says so")
    func emptyText() {
        #expect(LintReportFormatter.text(LintReport(findings: [])) == "no findings\n")
        #expect(!LintReport(findings: []).hasErrors)
    }

    @Test("JSON output carries file, path, severity, rule and message, plus counts")
    func json() throws {
        let text = try LintReportFormatter.json(Self.report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: String]])
        #expect(
            findings.first == [
                "file": "groups.json", "path": "items[0]", "severity": "error", "rule": "alb.http-health-check",
                "message": "remove it",
            ]
        )
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["error": 1, "warning": 1, "info": 0])
    }

    @Test("Findings are grouped by file in the order the files were given")
    func orderedByFile() throws {
        let findings = try Fixtures.lint(["rules/weight-zero.json", "rules/duplicate-rule.json"])
        #expect(findings.map(\.location.file) == ["rules/weight-zero.json", "rules/duplicate-rule.json"])
    }

    @Test("JSON paths render members with dots and indices in brackets")
    func pathRendering() {
        let path = JSONPath.root.appending("forwardingrules").appending("items").appending(index: 0)
            .appending("properties").appending("httpRules").appending(index: 2)
        #expect(path.description == "forwardingrules.items[0].properties.httpRules[2]")
        #expect(JSONPath.root.description == "$")
    }
}
