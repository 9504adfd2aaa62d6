package import Scenario

/// The emulated ALB's decisions, pure: which rule a request matches and which target a forward picks.
package enum ALBRouter {
    /// The decision for `request`: the first rule whose match holds decides; with no rules every request is
    /// forwarded to all `targets`; with rules and no match the answer is 404, an ALB's default.
    package static func decide(
        _ request: ALBRequest,
        rules: [EmbeddedTargets.Rule],
        targets: [EmbeddedTargets.Member]
    ) -> ALBDecision {
        guard !rules.isEmpty else { return .forward(rule: nil, targets: targets.map(\.id)) }
        guard let rule = rules.first(where: { $0.match.matches(request) }) else { return .noRule }
        switch rule.action {
        case .forward(let ids): return .forward(rule: rule.name, targets: ids)
        case .status(let code): return .status(rule: rule.name, code: code)
        case .redirect(let location): return .redirect(rule: rule.name, location: location)
        }
    }

    /// One of `candidates` chosen at random in proportion to its weight; weight 0 (or less) is never chosen.
    ///
    /// - Returns: nil when no candidate has a positive weight (the ALB then answers 503).
    package static func pick<Candidate>(
        _ candidates: [Candidate],
        weight: (Candidate) -> Int,
        using generator: inout some RandomNumberGenerator
    ) -> Candidate? {
        let total = candidates.reduce(0) { $0 + max(0, weight($1)) }
        guard total > 0 else { return nil }
        var ticket = Int.random(in: 0..<total, using: &generator)
        for candidate in candidates {
            let share = max(0, weight(candidate))
            if ticket < share { return candidate }
            ticket -= share
        }
        return nil
    }
}
