import Foundation

extension WeightDistribution {
    /// The upper tail of the χ² distribution: P(X ≥ statistic) for `degreesOfFreedom` degrees, which is
    /// Q(df/2, statistic/2) with Q the regularized upper incomplete gamma function.
    package static func chiSquarePValue(_ statistic: Double, degreesOfFreedom: Int) -> Double {
        guard degreesOfFreedom > 0, statistic.isFinite else { return statistic.isInfinite ? 0 : 1 }
        guard statistic > 0 else { return 1 }
        return Self.regularizedUpperGamma(Double(degreesOfFreedom) / 2, statistic / 2)
    }

    /// Q(a, x) = Γ(a, x) / Γ(a) for a > 0, x ≥ 0.
    ///
    /// Uses the power series of P(a, x) below x < a + 1 and a continued fraction (modified Lentz) above it, as in
    /// Numerical Recipes §6.2, both converging to double precision; nan for invalid arguments.
    package static func regularizedUpperGamma(_ a: Double, _ x: Double) -> Double {
        guard a > 0, x >= 0, a.isFinite, !x.isNaN else { return .nan }
        if x == 0 { return 1 }
        if x.isInfinite { return 0 }
        if x < a + 1 {
            return max(0, 1 - Self.lowerSeries(a, x))
        }
        return min(1, Self.upperContinuedFraction(a, x))
    }

    /// P(a, x) by its series e^{−x} x^a / Γ(a+1) Σ xⁿ / ((a+1)…(a+n)).
    private static func lowerSeries(_ a: Double, _ x: Double) -> Double {
        var term = 1 / a
        var sum = term
        var denominator = a
        for _ in 0..<10_000 {
            denominator += 1
            term *= x / denominator
            sum += term
            if abs(term) < abs(sum) * 1e-16 { break }
        }
        return sum * exp(-x + a * log(x) - lgamma(a))
    }

    /// Q(a, x) by its continued fraction e^{−x} x^a / Γ(a) · 1/(x+1−a− 1·(1−a)/(x+3−a− …)).
    private static func upperContinuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return exp(-x + a * log(x) - lgamma(a)) * h
    }
}
