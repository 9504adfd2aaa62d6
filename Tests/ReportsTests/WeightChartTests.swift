import Foundation
import Reports
import RunResults
import Testing

/// Results with a weight check, for the chart, JSON and schema tests.
enum WeightSample {
    /// Weights A 3, B 1, C 1 (C served nothing) and an unconfigured D: a failed check.
    static func distribution() -> WeightDistribution {
        WeightDistribution.evaluate(
            observed: ["A": 150, "B": 42, "D": 8],
            weights: [(target: "A", weight: 3), (target: "B", weight: 1), (target: "C", weight: 1)],
            significance: 0.01
        )
    }

    /// The full fixed result with the weight check's numbers and its failed `weights` check.
    static func result(_ distribution: WeightDistribution = Self.distribution()) -> RunResult {
        var result = FixedResult.make()
        result.weightCheck = distribution
        result.checks.append(
            CheckOutcome(name: "weights", passed: distribution.passed, message: distribution.summary)
        )
        return result
    }
}

@Suite("HTML report: weight check chart")
struct WeightChartTests {
    /// The `<section class="weights">` of the page, or nil.
    static func section(_ html: String) -> Substring? {
        guard let start = html.range(of: "<section class=\"weights\">"),
            let end = html[start.upperBound...].range(of: "</section>")
        else { return nil }
        return html[start.lowerBound..<end.upperBound]
    }

    @Test("Without a weight check there is no weight section and no weight chart")
    func absentWithoutWeightCheck() throws {
        for result in [FixedResult.make(), FixedResult.empty()] {
            let html = try HTMLReportWriter().render(result)
            #expect(Self.section(html) == nil)
            #expect(!html.contains(HTMLReportWriter.weightChartID))
        }
    }

    @Test("With a weight check the chart pairs expected and observed bars per target, with their counts")
    func pairedBars() throws {
        let html = try HTMLReportWriter().render(WeightSample.result())
        let section = try #require(Self.section(html))
        #expect(section.contains("<svg id=\"chart-weights\""))
        // Two bars per target, expected then observed, in configuration order then the unexpected one.
        let bars = section.matches(of: /<rect class="bar (s[01])"[^>]*><title>([^<]*)<\/title>/).map {
            "\($0.output.1) \($0.output.2)"
        }
        #expect(
            bars == [
                "s0 A expected: 60% (115.2)", "s1 A observed: 75% (150)",
                "s0 B expected: 20% (38.4)", "s1 B observed: 21% (42)",
                "s0 C expected: 20% (38.4)", "s1 C observed: 0% (0)",
                "s0 D expected: 0% (0)", "s1 D observed: 4% (8)",
            ]
        )
        #expect(section.contains(">0% (0) · missing</text>"))
        #expect(section.contains(">4% (8) · unexpected</text>"))
        #expect(section.contains("Missing: &#39;C&#39; has a weight but served no connection (expected 38.4)."))
        #expect(section.contains("Unexpected: &#39;D&#39; served 8 connection(s) without a positive weight."))
        #expect(try HTMLReportTests().parse(html).ok)
    }

    @Test("The caption gives the counts, χ², degrees of freedom, p, α and the verdict")
    func caption() throws {
        let distribution = WeightSample.distribution()
        let html = try HTMLReportWriter().render(WeightSample.result(distribution))
        let section = try #require(Self.section(html))
        let expected =
            "200 connections: A 150 (weight 3), B 42 (weight 1), C 0 (weight 1), D 8 (not configured). "
            + "\(distribution.summary). Verdict: failed."
        let escaped = expected.replacingOccurrences(of: "<", with: "&lt;")
        #expect(section.contains("<p>\(escaped)</p>"), "\(section)")
        #expect(distribution.summary.hasPrefix("χ²="))
        #expect(distribution.summary.contains("df=2"))  // three targets with a positive weight
    }

    @Test("A passing weight check says so, and has no flags")
    func passing() throws {
        let distribution = WeightDistribution.evaluate(
            observed: ["A": 151, "B": 49],
            weights: [(target: "A", weight: 3), (target: "B", weight: 1)]
        )
        #expect(distribution.passed)
        let html = try HTMLReportWriter().render(WeightSample.result(distribution))
        let section = try #require(Self.section(html))
        #expect(section.contains("Verdict: passed."))
        #expect(!section.contains("class=\"flags\""))
        #expect(!section.contains("· missing"))
    }

    @Test("report.json carries the numbers, and `wsprobe report FILE.json --html` re-renders the same chart")
    func reRendersFromJSON() throws {
        let result = WeightSample.result()
        let json = try JSONReportWriter().render(result)
        let decoded = try RunResult.decode(Data(json.utf8), source: "report.json")
        #expect(decoded == result)
        #expect(decoded.weightCheck == WeightSample.distribution())
        #expect(try HTMLReportWriter().render(decoded) == HTMLReportWriter().render(result))
    }
}
