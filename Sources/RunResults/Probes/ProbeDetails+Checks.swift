extension IdleProbeDetails {
    /// `idle.expectation` when `--expect-cutoff` was given (the measured cutoff against it); none otherwise.
    package var checks: [CheckOutcome] {
        guard let expectation = self.expectation else { return [] }
        let met = self.expectationMet ?? expectation.isMet(by: self.cutoffSeconds)
        let observed =
            self.cutoffSeconds.map { IdleProbeFormat.seconds($0) }
            ?? "no cutoff up to \(IdleProbeFormat.seconds(self.maximumSeconds))"
        return [
            CheckOutcome(
                name: "idle.expectation",
                passed: met,
                message: met
                    ? "The idle cutoff \(observed) is within \(expectation.text)."
                    : "The idle cutoff (\(observed)) is not within the expected \(expectation.text).",
                observed: observed,
                expected: expectation.text,
                code: met ? nil : "idle.expectation"
            )
        ]
    }
}

extension DeflateProbeDetails {
    /// One check per offer, `deflate: <offer>`: it passes when the offer got a valid answer (accepted or
    /// declined) and its echoes came back.
    package var checks: [CheckOutcome] {
        self.rows.map { row in
            var outcome = CheckOutcome(
                name: "deflate: \(row.offer)",
                passed: row.answer != .failed,
                message: Self.message(row),
                observed: row.answer == .failed ? row.failure?.code ?? "failed" : row.answer.rawValue,
                expected: "accepted or declined",
                phase: row.failure?.phase,
                code: row.failure?.code
            )
            outcome.seconds = row.upgradeMilliseconds.map { $0 / 1000 }
            return outcome
        }
    }

    private static func message(_ row: DeflateProbeRow) -> String {
        switch row.answer {
        case .accepted: "accepted: \(row.response ?? "permessage-deflate")"
        case .declined: "declined: the 101 carries no permessage-deflate"
        case .failed: row.failure?.message ?? "failed"
        }
    }
}

extension RateSearchDetails {
    /// `rate.highest-passing`: it passes when some rate from `--from` up passed the scenario's thresholds.
    package var checks: [CheckOutcome] {
        [
            CheckOutcome(
                name: "rate.highest-passing",
                passed: self.highestPassingRate != nil,
                message: self.conclusion,
                observed: self.highestPassingRate.map { "\($0)/s" } ?? "no passing rate",
                expected: "a passing rate from \(self.fromRate)/s to \(self.toRate)/s",
                code: self.highestPassingRate == nil ? "rate.none-passed" : nil
            )
        ]
    }
}
