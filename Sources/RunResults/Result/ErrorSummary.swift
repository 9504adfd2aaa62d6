/// One error code with its count and its first samples: a row of a report's error table.
package struct ErrorSummary: Sendable, Hashable {
    /// The stable dotted code (`handshake.unexpected-status`).
    package var code: String
    /// How many times it happened.
    package var count: UInt64
    /// Its first samples (at most ``ErrorSamples/limitPerCode``).
    package var samples: [ErrorSample]

    package init(code: String, count: UInt64, samples: [ErrorSample]) {
        self.code = code
        self.count = count
        self.samples = samples
    }
}
