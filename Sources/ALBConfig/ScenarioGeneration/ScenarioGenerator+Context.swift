import Scenario

extension ScenarioGenerator {
    /// The rows and notes collected while walking the rules.
    struct Context {
        let configuration: ALBConfiguration
        let ordered: [HTTPRule]
        let base: SimulatedRequest
        let options: ScenarioGenerationOptions
        var rows: [GeneratedRoute] = []
        var notes: [String] = []
        private var names: Set<String> = []

        init(
            configuration: ALBConfiguration,
            ordered: [HTTPRule],
            base: SimulatedRequest,
            options: ScenarioGenerationOptions
        ) {
            self.configuration = configuration
            self.ordered = ordered
            self.base = base
            self.options = options
        }

        /// A matching row for `rule` and one non-matching row per condition.
        mutating func addRows(for rule: HTTPRule, position: Int) {
            let label = rule.name.map { "\($0)" } ?? "rule \(position + 1)"
            if rule.conditions.contains(where: { $0.type == .sourceIP }) {
                self.notes.append(
                    "\(rule.displayName) has a SOURCE_IP condition: whether it matches depends on the address the"
                        + " test runs from, so no rows were generated for it."
                )
                return
            }
            if let request = Self.synthesize(self.base, rule.conditions, violating: nil) {
                self.addRow("\(label): matches", request, why: "all conditions of \(rule.displayName) hold")
            } else {
                self.notes.append(
                    "No request satisfying every condition of \(rule.displayName) could be generated; add one by hand."
                )
            }
            for (index, condition) in rule.conditions.enumerated() {
                guard let request = Self.synthesize(self.base, rule.conditions, violating: index) else {
                    self.notes.append(
                        "No request failing only \(condition.summary) of \(rule.displayName) could be generated"
                            + " (EXISTS on a part every request has, or a pattern too complex to invert)."
                    )
                    continue
                }
                self.addRow(
                    "\(label): not \(condition.summary)",
                    request,
                    why: "\(condition.summary) fails, the other conditions of \(rule.displayName) hold"
                )
            }
        }

        private mutating func addRow(_ wantedName: String, _ request: SimulatedRequest, why: String) {
            guard request.keepsHandshakeHeaders else {
                self.notes.append(
                    "Row '\(wantedName)' was left out: it needs an upgrade request without a handshake header"
                        + " (RFC 6455 §4.1), which every WebSocket client sends."
                )
                return
            }
            var decided: (outcome: RouteExpectation, reason: String)?
            for rule in self.ordered where !rule.conditions.contains(where: { $0.type == .sourceIP }) {
                guard let matches = request.satisfies(rule.conditions) else {
                    self.notes.append(
                        "Row '\(wantedName)' was left out: whether \(rule.displayName) matches it depends on case sensitivity."
                    )
                    return
                }
                if matches {
                    decided = (self.expectation(for: rule), "first match in IONOS order: \(rule.displayName)")
                    break
                }
            }
            let (outcome, reason) =
                decided ?? (
                    .status(self.options.noMatchStatus), "no rule matches (status assumed, see --no-match-status)"
                )
            var name = wantedName
            var counter = 2
            while self.names.contains(name) {
                name = "\(wantedName) (\(counter))"
                counter += 1
            }
            self.names.insert(name)
            let route = Route(name: name, request: self.routeRequest(request), expect: outcome)
            self.rows.append(GeneratedRoute(route: route, comment: "\(why); \(reason)"))
        }

        private func expectation(for rule: HTTPRule) -> RouteExpectation {
            switch rule.type {
            case .staticResponse: return .status(rule.statusCode ?? 503)
            case .redirect: return .redirect(location: rule.location ?? "")
            case .forward:
                let group = self.configuration.targetGroup(for: rule)
                switch self.options.identity {
                case .group:
                    return .targets([group?.name ?? group?.id ?? rule.targetGroup ?? "?"])
                case .address:
                    let targets = group?.targets ?? []
                    let taking = targets.filter(\.takesNewConnections)
                    let addresses = (taking.isEmpty ? targets : taking).map(\.address)
                    return .targets(Set(addresses.isEmpty ? [rule.targetGroup ?? "?"] : addresses))
                }
            }
        }

        /// The differences from the base request, as a scenario row writes them.
        private func routeRequest(_ request: SimulatedRequest) -> RouteRequest {
            var route = RouteRequest()
            if request.host != self.base.host { route.host = request.host }
            if request.path != self.base.path { route.path = request.path }
            if request.method != self.base.method { route.method = request.method }
            for (key, header) in request.headers.sorted(by: { $0.key < $1.key }) where self.base.headers[key] != header
            {
                if key == "upgrade" { route.upgradeHeader = header.value } else { route.headers.append(header) }
            }
            route.query = request.query.sorted { $0.key < $1.key }.map { KeyValue($0.key, $0.value) }
            route.cookies = request.cookies.sorted { $0.key < $1.key }.map { KeyValue($0.key, $0.value) }
            return route
        }

        /// A request where every condition holds except the one at `violating`, which fails; nil when none found.
        static func synthesize(
            _ base: SimulatedRequest,
            _ conditions: [RuleCondition],
            violating: Int?
        ) -> SimulatedRequest? {
            var request = base
            var slots: [String: [Int]] = [:]
            var order: [String] = []
            for (index, condition) in conditions.enumerated() {
                let key =
                    condition.type.rawValue + "\u{1F}"
                    + (condition.type == .header ? condition.key?.lowercased() ?? "" : condition.key ?? "")
                if slots[key] == nil { order.append(key) }
                slots[key, default: []].append(index)
            }
            for key in order {
                let indices = slots[key] ?? []
                guard let first = indices.first else { continue }
                let wanted = indices.map { ($0, $0 != violating) }
                var candidates: [String?] = [request.value(for: conditions[first])]
                for (index, want) in wanted {
                    candidates += ConditionCandidates.values(
                        for: conditions[index],
                        wanted: want,
                        current: request.value(for: conditions[index])
                    )
                }
                if indices.count > 1 {
                    let present = candidates.compactMap(\.self)
                    for a in present { for b in present where a != b { candidates.append(a + b) } }
                }
                var found = false
                for candidate in candidates {
                    var trial = request
                    trial.set(candidate, for: conditions[first])
                    let ok = wanted.allSatisfy { index, want in trial.satisfies([conditions[index]]) == want }
                    if ok {
                        request = trial
                        found = true
                        break
                    }
                }
                if !found { return nil }
            }
            return request
        }
    }
}
