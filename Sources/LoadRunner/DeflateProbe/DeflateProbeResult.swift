/// The outcome of `wsprobe probe deflate`: one row per offer.
package struct DeflateProbeResult: Sendable, Codable, Equatable {
    package let url: String
    package let insecure: Bool
    package let targetNote: String?
    package let rows: [DeflateProbeRow]
    /// Passed when every offer got a valid answer (accepted or declined) and the echoes came back.
    package let passed: Bool

    package init(url: String, insecure: Bool, targetNote: String?, rows: [DeflateProbeRow]) {
        self.url = url
        self.insecure = insecure
        self.targetNote = targetNote
        self.rows = rows
        self.passed = rows.allSatisfy { $0.answer != .failed }
    }

    /// How many offers got `answer`.
    package func count(_ answer: DeflateProbeRow.Answer) -> Int {
        self.rows.count { $0.answer == answer }
    }
}
