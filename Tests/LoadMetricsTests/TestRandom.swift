/// A seeded generator for reproducible test data (SplitMix64).
struct TestRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A log-uniform latency between 1 µs and about 100 s, so every bucket magnitude is exercised
    /// (a share lands above 60 s and must become overflow).
    mutating func latency() -> UInt64 {
        let exponent = Double.random(in: 0..<8, using: &self)
        var value = 1.0
        for _ in 0..<Int(exponent) { value *= 10 }
        return UInt64(value * Double.random(in: 1..<10, using: &self))
    }
}

/// Percentile levels compared in exactness tests.
let checkedPercentiles: [Double] = [0, 0.1, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 99.999, 100]
