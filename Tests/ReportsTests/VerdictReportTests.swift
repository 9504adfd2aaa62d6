import Foundation
import Reports
import RunResults
import Testing

/// Every view of a result says why its verdict is what it is: the `abortOnFail` threshold that stopped the run,
/// and what a run with verdict `error` did not measure.
@Suite("Verdict reasons in every report format")
struct VerdictReportTests {
    static func aborted() -> RunResult {
        var result = FixedResult.make()
        result.abortedBy = "rate(errors) < 1%"
        return result
    }

    static func nothingMeasured() -> RunResult {
        var result = FixedResult.empty()
        result.errorReason = "no connection upgraded (5 attempted: tcp.refused ×5)"
        return result
    }

    static let abortSentence = "Stopped early by the abortOnFail threshold rate(errors) < 1% (observed 4%, limit < 1%)."
    static let errorSentence = "Nothing measured: no connection upgraded (5 attempted: tcp.refused ×5)."

    @Test("the console names the threshold that stopped the run, under the verdict")
    func consoleAbort() {
        let lines = ConsoleSummary(colors: false).render(Self.aborted()).split(separator: "\n")
        #expect(lines.count > 1 && lines[1] == Self.abortSentence[...])
        #expect(!ConsoleSummary(colors: false).render(FixedResult.make()).contains("Stopped early"))
    }

    @Test("the HTML page has a banner naming the threshold and marks its row")
    func htmlAbort() throws {
        let html = try HTMLReportWriter().render(Self.aborted())
        let escaped = Self.abortSentence.replacingOccurrences(of: "<", with: "&lt;")
        #expect(html.contains("<p class=\"banner\">\(escaped)</p>"))
        #expect(html.contains("stopped the run (abortOnFail)"))
        #expect(!(try HTMLReportWriter().render(FixedResult.make())).contains("Stopped early"))
    }

    @Test("JUnit names the threshold in a property and in its failure")
    func junitAbort() throws {
        let xml = try JUnitReportWriter().render(Self.aborted())
        #expect(xml.contains("<property name=\"wsprobe.abortedBy\" value=\"rate(errors) &lt; 1%\"/>"))
        #expect(xml.contains("stopped the run: yes"))
        #expect(!(try JUnitReportWriter().render(FixedResult.make())).contains("wsprobe.abortedBy"))
    }

    @Test("a result that measured nothing says what it did not measure in the console, HTML and JUnit")
    func nothingMeasuredEverywhere() throws {
        let result = Self.nothingMeasured()
        #expect(ConsoleSummary(colors: false).render(result).contains(Self.errorSentence))
        #expect(try HTMLReportWriter().render(result).contains("<p class=\"banner\">\(Self.errorSentence)</p>"))
        let xml = try JUnitReportWriter().render(result)
        #expect(xml.contains("type=\"run.error\""))
        #expect(xml.contains("message=\"\(Self.errorSentence)\""))
    }
}
