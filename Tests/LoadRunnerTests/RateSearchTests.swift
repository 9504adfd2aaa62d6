import Testing

@testable import LoadRunner

@Suite("Rate search")
struct RateSearchTests {
    /// Runs the search against a verdict function and returns the rates tried.
    static func trace(_ search: inout RateSearch, passes: (Int) -> Bool) -> [Int] {
        var rates: [Int] = []
        while let rate = search.nextRate {
            rates.append(rate)
            search.record(rate: rate, passed: passes(rate))
        }
        return rates
    }

    @Test("doubles until a step fails, then bisects until pass and fail are within the precision")
    func bracketsThenBisects() {
        var search = RateSearch(from: 50, to: 1_000_000, precision: 0.1, maxSteps: 20)
        let rates = Self.trace(&search) { $0 < 300 }
        #expect(rates == [50, 100, 200, 400, 300, 250, 275])
        #expect(search.highestPass == 275)
        #expect(search.lowestFail == 300)
        #expect(search.conclusion == "highest passing rate 275/s (300/s failed)")
    }

    @Test("a range that passes to its top says the limit is higher")
    func cappedAtTheTop() {
        var search = RateSearch(from: 100, to: 1_000, precision: 0.1, maxSteps: 20)
        #expect(Self.trace(&search) { _ in true } == [100, 200, 400, 800, 1_000])
        #expect(search.conclusion == "1000/s passed, the top of the range (--to); the limit is higher")
    }

    @Test("a first step that fails ends the search without a passing rate")
    func firstStepFails() {
        var search = RateSearch(from: 100, to: 1_000, precision: 0.1, maxSteps: 20)
        #expect(Self.trace(&search) { _ in false } == [100])
        #expect(search.highestPass == nil)
        #expect(search.conclusion == "even 100/s failed the thresholds")
    }

    @Test("the step limit ends the search and says so; adjacent rates end it too")
    func limits() {
        var short = RateSearch(from: 1, to: 1_000_000, precision: 0.001, maxSteps: 3)
        #expect(Self.trace(&short) { $0 < 1_000 } == [1, 2, 4])
        #expect(short.conclusion == "4/s passed; the step limit ended the search")
        var tight = RateSearch(from: 1, to: 100, precision: 0.0001, maxSteps: 50)
        let rates = Self.trace(&tight) { $0 <= 5 }
        #expect(tight.highestPass == 5 && tight.lowestFail == 6)
        #expect(rates.count < 10)
        #expect(tight.conclusion == "highest passing rate 5/s (6/s failed)")
    }
}
