/// The outcome of `wsprobe probe deflate`: one row per offer.
package struct DeflateProbeResult: Sendable, Codable, Equatable {
    package var url: String
    package var insecure: Bool
    package var targetNote: String?
    package var rows: [DeflateProbeRow]

    /// Passed when every offer got a valid answer (accepted or declined) and the echoes came back.
    package var passed: Bool { self.rows.allSatisfy { $0.answer != .failed } }

    /// How many offers got `answer`.
    package func count(_ answer: DeflateProbeRow.Answer) -> Int {
        self.rows.count { $0.answer == answer }
    }
}
