/// A seeded, deterministic `RandomNumberGenerator` (Steele, Lea and Flood's SplitMix64) for repeatable
/// masking keys in tests. Never use it for real connections: RFC 6455 §5.3 needs unpredictable keys.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) {
        self.state = seed
    }

    package mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var value = self.state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// A generator that returns the given values in turn (cycling), to reproduce exact masking keys such as the
/// RFC 6455 §5.7 example key 37 fa 21 3d (`FixedRandom(0x37fa_213d)`).
package struct FixedRandom: RandomNumberGenerator, Sendable {
    private let values: [UInt64]
    private var index = 0

    package init(_ values: UInt64...) {
        precondition(!values.isEmpty, "FixedRandom needs at least one value")
        self.values = values
    }

    package mutating func next() -> UInt64 {
        let value = self.values[self.index % self.values.count]
        self.index += 1
        return value
    }
}
