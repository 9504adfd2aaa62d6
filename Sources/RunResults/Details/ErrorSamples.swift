/// The first few samples of each error code: what a report shows next to the counts.
///
/// Workers keep one each and the coordinator (or `wsprobe merge`) merges them; at most
/// ``limitPerCode`` samples are kept per code, the first ones seen, because the first failures of a
/// kind are the ones that explain it and later ones mostly repeat them.
package struct ErrorSamples: Sendable, Hashable {
    /// Samples kept per error code.
    package static let limitPerCode = 5

    /// Samples by stable error code, each list in the order seen, at most ``limitPerCode`` long.
    package private(set) var byCode: [String: [ErrorSample]]

    package init() {
        self.byCode = [:]
    }

    /// Samples from a dictionary, each list cut to ``limitPerCode``.
    package init(_ byCode: [String: [ErrorSample]]) {
        self.byCode = byCode.filter { !$0.value.isEmpty }.mapValues { Array($0.prefix(Self.limitPerCode)) }
    }

    /// Keeps `sample` for `code` unless that code already has ``limitPerCode`` samples.
    ///
    /// - Returns: whether the sample was kept.
    @discardableResult
    package mutating func record(_ sample: ErrorSample, code: String) -> Bool {
        guard self.byCode[code, default: []].count < Self.limitPerCode else { return false }
        self.byCode[code, default: []].append(sample)
        return true
    }

    /// Adds another worker's or shard's samples after this one's, up to the limit per code.
    package mutating func merge(_ other: ErrorSamples) {
        for code in other.byCode.keys.sorted() {
            for sample in other.byCode[code, default: []] { self.record(sample, code: code) }
        }
    }

    /// The samples of `code` (empty when none).
    package subscript(code code: String) -> [ErrorSample] {
        self.byCode[code, default: []]
    }
}

extension ErrorSamples: Codable {
    package init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([String: [ErrorSample]].self))
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.byCode)
    }
}
