import ResultCodes

/// The outcome of `wsprobe probe deflate`: one row per offer.
package struct DeflateProbeResult: Sendable, Codable, Equatable {
    package let url: String
    package let insecure: Bool
    package let targetNote: String?
    package let rows: [DeflateProbeRow]
    /// Passed when every offer got a valid answer (accepted or declined) and the echoes came back.
    package let passed: Bool
    /// Why the probe measured nothing (no offer was answered: every connection failed before the server's
    /// response), making its verdict `error` (exit status 4); `nil` when an offer got an answer.
    package let nothingMeasured: String?

    package init(url: String, insecure: Bool, targetNote: String?, rows: [DeflateProbeRow]) {
        self.url = url
        self.insecure = insecure
        self.targetNote = targetNote
        self.rows = rows
        self.nothingMeasured = Self.nothingMeasured(rows)
        self.passed = self.nothingMeasured == nil && rows.allSatisfy { $0.answer != .failed }
    }

    /// The phases in which a connection fails before the server could answer an offer.
    private static let unansweredPhases: Set<String> = Set([Phase.dns, .tcp, .tls].map(\.rawValue))

    private static func nothingMeasured(_ rows: [DeflateProbeRow]) -> String? {
        let unanswered = rows.compactMap { row -> CheckResult.Failure? in
            guard let failure = row.failure, row.answer == .failed else { return nil }
            let answered =
                !Self.unansweredPhases.contains(failure.phase) && failure.code != ErrorCode.timeoutUpgrade.rawValue
            return answered ? nil : failure
        }
        guard unanswered.count == rows.count else { return nil }
        let cause = unanswered.first.map { ": \($0.code) in \($0.phase)" } ?? ""
        return "no offer was answered (\(rows.count) connections failed before the upgrade response\(cause))"
    }

    /// How many offers got `answer`.
    package func count(_ answer: DeflateProbeRow.Answer) -> Int {
        self.rows.count { $0.answer == answer }
    }
}
