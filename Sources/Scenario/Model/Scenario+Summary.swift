extension Scenario {
    /// A one-line description for `wsprobe validate`, e.g.
    /// `smoke: 5 steps, closed load of 1 connection, embedded target, 2 thresholds`.
    package var summary: String {
        var parts: [String] = ["\(stepCount) step\(stepCount == 1 ? "" : "s")"]
        switch load {
        case .closed(let closed):
            parts.append("closed load of \(closed.connections) connection\(closed.connections == 1 ? "" : "s")")
        case .open(let open):
            let peak = open.stages.map(\.target.perSecond).max() ?? open.startRate.perSecond
            parts.append("open load up to \(Rate(perSecond: peak)) new connections")
        }
        if let planned = plannedDuration { parts.append("for \(planned.humanDescription)") }
        if let url = target.url {
            parts.append(url)
        } else {
            let count = target.embedded?.targets.count ?? 1
            parts.append(count == 1 ? "embedded target" : "\(count) embedded targets")
        }
        if !routes.isEmpty { parts.append("\(routes.count) route\(routes.count == 1 ? "" : "s")") }
        if let weights { parts.append("weights over \(weights.targets.count) targets") }
        parts.append("\(thresholds.count) threshold\(thresholds.count == 1 ? "" : "s")")
        return "\(name): " + parts.joined(separator: ", ")
    }
}
