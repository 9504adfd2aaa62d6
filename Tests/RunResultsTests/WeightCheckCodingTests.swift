import Foundation
import RunResults
import Testing

@Suite("RunResult JSON: the weight check's numbers")
struct WeightCheckCodingTests {
    static func distribution() -> WeightDistribution {
        WeightDistribution.evaluate(
            observed: ["A": 150, "B": 42, "D": 8],
            weights: [(target: "A", weight: 3), (target: "B", weight: 1), (target: "C", weight: 1)],
            significance: 0.05
        )
    }

    @Test("weightCheck round-trips with weights, counts, χ², df, p, α and findings")
    func roundTrip() throws {
        var result = Results.result(checks: [CheckOutcome(name: "weights", passed: false, message: "no fit")])
        result.weightCheck = Self.distribution()
        let data = try result.jsonData()
        let text = String(decoding: data, as: UTF8.self)
        for key in [
            "\"weightCheck\"", "\"shares\"", "\"weight\" : 3", "\"observed\" : 150", "\"statistic\"",
            "\"degreesOfFreedom\" : 2", "\"pValue\"", "\"significance\" : 0.05", "\"missing-target\"",
            "\"unexpected-target\"",
        ] {
            #expect(text.contains(key), "\(key) missing")
        }
        let decoded = try RunResult.decode(data, source: "mem")
        #expect(decoded == result)
        #expect(decoded.weightCheck?.shares.map(\.target) == ["A", "B", "C", "D"])
        #expect(decoded.weightCheck?.shares.last?.weight == nil)
        #expect(try decoded.jsonData() == data)
    }

    @Test("A report without weightCheck (older, or no weights) decodes with none and writes none")
    func absent() throws {
        let result = Results.result()
        let data = try result.jsonData()
        #expect(!String(decoding: data, as: UTF8.self).contains("weightCheck"))
        #expect(try RunResult.decode(data, source: "old.json").weightCheck == nil)
    }

    @Test("Merged shards keep the numbers that belong to the kept weights check (the first failing one)")
    func merge() throws {
        let passing = WeightDistribution.evaluate(
            observed: ["A": 151, "B": 49],
            weights: [(target: "A", weight: 3), (target: "B", weight: 1)]
        )
        var first = Results.result(shard: "1/2", checks: [CheckOutcome(name: "weights", passed: true, message: "ok")])
        first.weightCheck = passing
        var second = Results.result(
            shard: "2/2",
            checks: [CheckOutcome(name: "weights", passed: false, message: "no fit")]
        )
        second.weightCheck = Self.distribution()
        #expect(try RunResult.merging([first, second]).weightCheck == Self.distribution())
        second.checks = [CheckOutcome(name: "weights", passed: true, message: "ok")]
        #expect(try RunResult.merging([first, second]).weightCheck == passing)
        #expect(try RunResult.merging([Results.result(shard: "1/1")]).weightCheck == nil)
    }
}
