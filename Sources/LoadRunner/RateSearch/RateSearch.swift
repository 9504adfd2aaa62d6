/// The search of `wsprobe probe rate` for the highest message rate at which a scenario's thresholds still pass
/// (tcpkali's `-r @latency`, with any thresholds as the criterion), as a pure value.
///
/// It doubles the rate from `from` until a step fails or `to` passes, then bisects between the highest passing
/// and the lowest failing rate until they are within `precision` of each other. Rates are whole messages per
/// second. The caller runs each `nextRate` and reports it with `record(rate:passed:)`.
package struct RateSearch: Sendable {
    /// The first rate tried.
    package let from: Int
    /// The highest rate tried.
    package let to: Int
    /// The bracket is narrow enough when (lowest fail − highest pass) / highest pass is at most this.
    package let precision: Double
    /// The most steps run.
    package let maxSteps: Int
    /// The highest rate that passed so far.
    package private(set) var highestPass: Int?
    /// The lowest rate that failed so far.
    package private(set) var lowestFail: Int?
    /// Steps recorded so far.
    package private(set) var steps = 0

    /// - Precondition: `1 <= from <= to`, `precision > 0`, `maxSteps >= 1` (the command validates them).
    package init(from: Int, to: Int, precision: Double, maxSteps: Int) {
        self.from = max(1, from)
        self.to = max(self.from, to)
        self.precision = precision
        self.maxSteps = max(1, maxSteps)
    }

    /// The next rate to run, or `nil` when the search is over.
    package var nextRate: Int? {
        guard self.steps < self.maxSteps else { return nil }
        guard let pass = self.highestPass else {
            return self.lowestFail == nil ? self.from : nil  // even the first rate failed
        }
        guard let fail = self.lowestFail else {
            return pass >= self.to ? nil : min(pass * 2, self.to)
        }
        guard Double(fail - pass) / Double(pass) > self.precision else { return nil }
        let middle = pass + (fail - pass) / 2
        return middle > pass && middle < fail ? middle : nil
    }

    /// Records the verdict of a step at `rate`.
    package mutating func record(rate: Int, passed: Bool) {
        self.steps += 1
        if passed {
            self.highestPass = max(self.highestPass ?? rate, rate)
        } else {
            self.lowestFail = min(self.lowestFail ?? rate, rate)
        }
    }

    /// Why the search ended, once `nextRate` is `nil`.
    package var conclusion: String {
        switch (self.highestPass, self.lowestFail) {
        case (nil, _):
            return "even \(self.from)/s failed the thresholds"
        case (let pass?, nil):
            return pass >= self.to
                ? "\(pass)/s passed, the top of the range (--to); the limit is higher"
                : "\(pass)/s passed; the step limit ended the search"
        case (let pass?, let fail?):
            let within = Double(fail - pass) / Double(pass) <= self.precision || fail - pass <= 1
            return within
                ? "highest passing rate \(pass)/s (\(fail)/s failed)"
                : "highest passing rate so far \(pass)/s (\(fail)/s failed); the step limit ended the search"
        }
    }
}
