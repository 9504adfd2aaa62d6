import ResultCodes

/// What `wsprobe probe deflate` found: one row per offer.
///
/// The `deflate` member of ``ProbeDetails`` in a result of kind `probe-deflate`; each row is also a check
/// (`deflate: <offer>`) of the result.
package struct DeflateProbeDetails: Sendable, Codable, Equatable {
    /// The URL probed (secrets redacted).
    package var url: String
    /// Whether TLS certificate verification was off (`--insecure`).
    package var insecure: Bool
    /// A sentence naming the target when wsprobe started it itself.
    package var targetNote: String?
    /// One row per offer, in the order they were made.
    package var rows: [DeflateProbeRow]

    package init(url: String, insecure: Bool, targetNote: String?, rows: [DeflateProbeRow]) {
        self.url = url
        self.insecure = insecure
        self.targetNote = targetNote
        self.rows = rows
    }

    /// Passed when every offer got a valid answer (accepted or declined) and the echoes came back.
    package var passed: Bool {
        self.nothingMeasured == nil && self.rows.allSatisfy { $0.answer != .failed }
    }

    /// The phases in which a connection fails before the server could answer an offer.
    private static let unansweredPhases: Set<String> = Set([Phase.dns, .tcp, .tls].map(\.rawValue))

    /// Why the probe measured nothing (no offer was answered: every connection failed before the server's
    /// response), making its verdict `error` (exit status 4); `nil` when an offer got an answer.
    package var nothingMeasured: String? {
        let unanswered = self.rows.compactMap { row -> DeflateProbeRow.Failure? in
            guard let failure = row.failure, row.answer == .failed else { return nil }
            let answered =
                !Self.unansweredPhases.contains(failure.phase) && failure.code != ErrorCode.timeoutUpgrade.rawValue
            return answered ? nil : failure
        }
        guard unanswered.count == self.rows.count else { return nil }
        let cause = unanswered.first.map { ": \($0.code) in \($0.phase)" } ?? ""
        return "no offer was answered (\(self.rows.count) connections failed before the upgrade response\(cause))"
    }

    /// How many offers got `answer`.
    package func count(_ answer: DeflateProbeRow.Answer) -> Int {
        self.rows.count { $0.answer == answer }
    }
}
