import Foundation
import Reports
import RunResults
import Testing

/// Set `WSPROBE_UPDATE_GOLDEN=1` to rewrite the golden files from the current writers.
@Suite("Golden files")
struct GoldenFileTests {
    static let update = ProcessInfo.processInfo.environment["WSPROBE_UPDATE_GOLDEN"] == "1"

    static let cases: [(String, any ReportWriter)] = [
        ("report.json", JSONReportWriter()), ("report.html", HTMLReportWriter()), ("junit.xml", JUnitReportWriter()),
        ("summary.txt", ConsoleWriter()),
    ]

    @Test("Each format renders the fixed result byte for byte as its golden file", arguments: [0, 1, 2, 3])
    func golden(index: Int) throws {
        let (name, writer) = Self.cases[index]
        let rendered = try writer.render(FixedResult.make())
        let url = Tool.fixtures.appendingPathComponent(name)
        if Self.update {
            try Data(rendered.utf8).write(to: url)
            return
        }
        let expected = try #require(
            try? String(contentsOf: url, encoding: .utf8),
            "Missing golden file \(name); run with WSPROBE_UPDATE_GOLDEN=1 to create it"
        )
        if rendered != expected {
            let got = rendered.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line =
                zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
            let gotLine = line < got.count ? String(got[line]) : "<end>"
            let wantLine = line < want.count ? String(want[line]) : "<end>"
            Issue.record(
                """
                \(name) differs from the golden file at line \(line + 1): got '\(gotLine)', expected '\(wantLine)'. \
                If the change is intended, run WSPROBE_UPDATE_GOLDEN=1 swift test --filter ReportsTests.
                """
            )
        }
    }

    @Test("Rendering twice gives identical bytes (no dictionary order or clock leaks into a report)")
    func deterministic() throws {
        for (_, writer) in Self.cases {
            #expect(try writer.render(FixedResult.make()) == writer.render(FixedResult.make()))
        }
    }

    @Test("The JSON golden file decodes back to the fixed result")
    func goldenDecodes() throws {
        let data = try Data(contentsOf: Tool.fixtures.appendingPathComponent("report.json"))
        #expect(try RunResult.decode(data, source: "report.json") == FixedResult.make())
    }
}

/// The console summary as a writer, so it has a golden file like the others.
struct ConsoleWriter: ReportWriter {
    var defaultFileName: String { "summary.txt" }
    func render(_ result: RunResult) throws -> String { ConsoleSummary(colors: false).render(result) }
}
