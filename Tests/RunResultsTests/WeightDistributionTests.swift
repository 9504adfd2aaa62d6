import Foundation
import RunResults
import Scenario
import Testing

@Suite("Weight distribution: χ² goodness of fit")
struct WeightDistributionTests {
    /// (df, χ² critical value, upper-tail probability) from standard χ² tables (NIST/SEMATECH §1.3.6.7.4).
    static let table: [(Int, Double, Double)] = [
        (1, 2.706, 0.10), (1, 3.841, 0.05), (1, 6.635, 0.01), (1, 10.828, 0.001),
        (2, 4.605, 0.10), (2, 5.991, 0.05), (2, 9.210, 0.01), (2, 13.816, 0.001),
        (3, 6.251, 0.10), (3, 7.815, 0.05), (3, 11.345, 0.01), (3, 16.266, 0.001),
        (4, 7.779, 0.10), (4, 9.488, 0.05), (4, 13.277, 0.01), (4, 18.467, 0.001),
        (5, 9.236, 0.10), (5, 11.070, 0.05), (5, 15.086, 0.01), (5, 20.515, 0.001),
        (1, 0.455, 0.50), (3, 2.366, 0.50), (5, 4.351, 0.50), (2, 0.211, 0.90), (4, 1.064, 0.90),
    ]

    @Test("the p-value matches χ² table values for df 1 to 5", arguments: table)
    func tableValues(row: (Int, Double, Double)) {
        let (df, statistic, probability) = row
        let p = WeightDistribution.chiSquarePValue(statistic, degreesOfFreedom: df)
        // Tables round the critical value to 3 decimals, which moves p by at most ~0.2 % relative.
        #expect(abs(p - probability) / probability < 0.003, "df \(df), χ² \(statistic): p \(p), table \(probability)")
    }

    @Test("Q(1, x) is exactly e^-x and Q(a, 0) is 1 on both branches of the algorithm")
    func closedForms() {
        for x in [0.1, 0.5, 1.9, 2.5, 10, 40] {
            #expect(abs(WeightDistribution.regularizedUpperGamma(1, x) - exp(-x)) < 1e-14 * max(1, exp(-x) * 1e3))
        }
        #expect(WeightDistribution.regularizedUpperGamma(3.5, 0) == 1)
        // Q(1/2, x) = erfc(√x).
        for x in [0.2, 1.0, 3.0, 8.0] {
            #expect(abs(WeightDistribution.regularizedUpperGamma(0.5, x) - erfc(x.squareRoot())) < 1e-13)
        }
        #expect(WeightDistribution.regularizedUpperGamma(-1, 1).isNaN)
    }

    @Test("true 3:1 counts are accepted at α = 0.01")
    func trueWeightsAccepted() {
        let result = WeightDistribution.evaluate(observed: ["A": 228, "B": 72], weights: [("A", 3), ("B", 1)])
        #expect(result.degreesOfFreedom == 1)
        #expect(abs(result.statistic - 0.16) < 1e-9)  // (228−225)²/225 + (72−75)²/75 = 0.04 + 0.12
        #expect(result.fits)
        #expect(result.passed)
        #expect(result.findings.isEmpty)
        #expect(result.chart.map(\.expectedShare) == [0.75, 0.25])
        #expect(result.chart.map(\.observedShare) == [0.76, 0.24])
    }

    @Test("1:1 counts are rejected when 3:1 is configured")
    func evenSplitRejected() {
        let result = WeightDistribution.evaluate(observed: ["A": 150, "B": 150], weights: [("A", 3), ("B", 1)])
        #expect(abs(result.statistic - 100) < 1e-9)
        #expect(result.pValue < 1e-20)
        #expect(!result.fits)
        #expect(!result.passed)
        #expect(result.summary.contains("does not fit"))
    }

    @Test("a target with weight but no connection is flagged missing and fails when improbable")
    func missingTarget() throws {
        let result = WeightDistribution.evaluate(
            observed: ["A": 150, "B": 150],
            weights: [("A", 1), ("B", 1), ("C", 1)]
        )
        let missing = try #require(result.findings.first { $0.kind == .missingTarget })
        #expect(missing.target == "C")
        #expect(missing.fails == true)
        #expect(!result.passed)
        // Four connections over three equal targets: zero on one happens by chance (~20 %), so only a warning.
        let small = WeightDistribution.evaluate(observed: ["A": 2, "B": 2], weights: [("A", 1), ("B", 1), ("C", 1)])
        #expect(small.findings.contains { $0.kind == .missingTarget && !$0.fails })
        #expect(small.findings.contains { $0.kind == .smallSample && !$0.fails })
    }

    @Test("all connections on one target is flagged stuck")
    func stuck() {
        let result = WeightDistribution.evaluate(observed: ["A": 100], weights: [("A", 1), ("B", 1)])
        #expect(result.findings.contains { $0.kind == .stuck && $0.target == "A" && $0.fails })
        #expect(result.findings.contains { $0.kind == .missingTarget && $0.target == "B" })
        #expect(!result.passed)
    }

    @Test("targets that are not configured, or have weight 0, are flagged unexpected")
    func unexpected() {
        let result = WeightDistribution.evaluate(
            observed: ["A": 75, "B": 25, "Z": 3, "D": 2],
            weights: [("A", 3), ("B", 1), ("D", 0)]
        )
        #expect(result.fits)
        #expect(!result.passed)
        let targets = result.findings.filter { $0.kind == .unexpectedTarget }.compactMap(\.target)
        #expect(Set(targets) == ["Z", "D"])
        #expect(result.shares.map(\.target) == ["A", "B", "D", "Z"])
        #expect(result.shares.last?.weight == nil)
        #expect(result.total == 105)
    }

    @Test("no connections is a failing finding, and a single target has no degrees of freedom")
    func degenerate() {
        let empty = WeightDistribution.evaluate(observed: [:], weights: [("A", 1), ("B", 1)])
        #expect(empty.findings.contains { $0.kind == .noData && $0.fails })
        #expect(!empty.passed)
        let single = WeightDistribution.evaluate(observed: ["A": 10], weights: [("A", 1)])
        #expect(single.degreesOfFreedom == 0)
        #expect(single.pValue == 1)
        #expect(single.passed)
    }

    @Test("a scenario's weights section supplies targets and significance, and the result round-trips as JSON")
    func expectationAndCoding() throws {
        let expectation = WeightExpectation(
            targets: [.init(target: "A", weight: 3), .init(target: "B", weight: 1)],
            significance: 0.05
        )
        let result = WeightDistribution.evaluate(observed: ["A": 60, "B": 40], expectation: expectation)
        #expect(result.significance == 0.05)
        #expect(!result.fits)  // 60:40 against 75:25 at n = 100: χ² = 12
        let data = try JSONEncoder().encode(result)
        #expect(try JSONDecoder().decode(WeightDistribution.self, from: data) == result)
    }
}
