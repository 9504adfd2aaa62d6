/// A linear axis from 0 (or a minimum) to a "nice" maximum with round tick values.
struct ChartScale {
    /// Lower end of the axis.
    let lower: Double
    /// Upper end of the axis (a multiple of the tick step).
    let upper: Double
    /// Tick values from `lower` to `upper`.
    let ticks: [Double]

    /// A scale covering `lower...maximum` with about `count` ticks at 1, 2 or 5 times a power of 10, and at
    /// least `minimumStep` apart (1 for whole seconds and counts, so no two ticks get the same label).
    init(lower: Double = 0, maximum: Double, count: Int = 5, minimumStep: Double = 0) {
        let span = Swift.max(maximum - lower, 0)
        guard span > 0, span.isFinite else {
            self.lower = lower
            self.upper = lower + 1
            self.ticks = [lower, lower + 1]
            return
        }
        let rough = span / Double(Swift.max(1, count))
        var power = 1.0
        while power * 10 <= rough { power *= 10 }
        while power > rough { power /= 10 }
        let nice = [1.0, 2.0, 5.0, 10.0].map { $0 * power }.first { $0 >= rough } ?? power * 10
        let step = Swift.max(nice, minimumStep)
        let steps = (span / step).rounded(.up)
        self.lower = lower
        self.upper = lower + steps * step
        self.ticks = (0...Int(steps)).map { lower + Double($0) * step }
    }

    /// The position of `value` in `0...1` along the axis.
    func fraction(_ value: Double) -> Double {
        (value - self.lower) / (self.upper - self.lower)
    }
}
