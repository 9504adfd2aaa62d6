import Scenario

/// An upgrade request as the generator imagines it, to predict which rule an ALB applies to it.
struct SimulatedRequest: Hashable {
    var host: String
    var path: String
    var method = "GET"
    /// Headers by lower-cased name (RFC 9110 §5.1: names are case-insensitive), keeping the rule's spelling.
    var headers: [String: KeyValue] = [:]
    var query: [String: String] = [:]
    var cookies: [String: String] = [:]

    /// The headers every upgrade request carries (RFC 6455 §4.1); rules may test them, rows cannot remove them.
    static let handshakeHeaders: [String: KeyValue] = [
        "upgrade": KeyValue("Upgrade", "websocket"),
        "connection": KeyValue("Connection", "Upgrade"),
        "sec-websocket-version": KeyValue("Sec-WebSocket-Version", "13"),
        "sec-websocket-key": KeyValue("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="),
    ]

    init(host: String, path: String) {
        self.host = host
        self.path = path
        self.headers = Self.handshakeHeaders
    }

    /// The value a condition looks at; nil when the header, parameter or cookie is absent, or for SOURCE_IP.
    func value(for condition: RuleCondition) -> String? {
        switch condition.type {
        case .host: self.host
        case .path: self.path
        case .method: self.method
        case .header:
            condition.key?.lowercased() == "host"
                ? self.host : condition.key.flatMap { self.headers[$0.lowercased()]?.value }
        case .query: condition.key.flatMap { self.query[$0] }
        case .cookie: condition.key.flatMap { self.cookies[$0] }
        case .sourceIP: nil
        }
    }

    /// Sets (or removes, with nil) the value a condition looks at.
    mutating func set(_ value: String?, for condition: RuleCondition) {
        switch condition.type {
        case .host: if let value { self.host = value }
        case .path: if let value { self.path = value }
        case .method: if let value { self.method = value }
        case .header:
            guard let key = condition.key else { return }
            if key.lowercased() == "host" {
                if let value { self.host = value }
            } else {
                self.headers[key.lowercased()] = value.map { KeyValue(key, $0) }
            }
        case .query: if let key = condition.key { self.query[key] = value }
        case .cookie: if let key = condition.key { self.cookies[key] = value }
        case .sourceIP: break
        }
    }

    /// Whether the request keeps every handshake header (a routing row can change but not remove them).
    var keepsHandshakeHeaders: Bool {
        Self.handshakeHeaders.keys.allSatisfy { self.headers[$0] != nil }
    }

    /// Whether every condition holds, under both case readings (IONOS does not document case sensitivity);
    /// nil when the readings disagree or a condition cannot be decided (SOURCE_IP, an invalid pattern).
    func satisfies(_ conditions: [RuleCondition]) -> Bool? {
        var results: Set<Bool> = []
        for mode in ConditionEvaluator.CaseMode.allCases {
            var all = true
            for condition in conditions {
                guard condition.type != .sourceIP,
                    let holds = ConditionEvaluator.satisfied(condition, by: self.value(for: condition), mode: mode)
                else { return nil }
                if !holds { all = false }
            }
            results.insert(all)
        }
        return results.count == 1 ? results.first : nil
    }
}
