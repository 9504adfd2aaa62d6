extension ALBLinter {
    /// Handshake headers every RFC 6455 upgrade request carries, with spellings real clients send.
    ///
    /// RFC 6455 §4.1 requires `Upgrade` containing "websocket" and `Connection` containing "Upgrade", both
    /// compared case-insensitively by the server (§4.2.1), and `Sec-WebSocket-Version: 13`. Browsers send
    /// `Upgrade: websocket`; other clients send `WebSocket`; `Connection` is a list (`keep-alive, Upgrade`).
    static let handshakeSpellings: [String: [String]] = [
        "upgrade": ["websocket", "WebSocket", "Websocket"],
        "connection": ["Upgrade", "upgrade", "keep-alive, Upgrade"],
        "sec-websocket-version": ["13"],
        // RFC 6455 §1.3 sample key: value comparisons on the key are reported as unstable before this table
        // is consulted, so the entry only decides EXISTS / NOT EXISTS.
        "sec-websocket-key": ["dGhlIHNhbXBsZSBub25jZQ=="],
    ]

    /// Headers whose value differs per request or per client library, so only EXISTS tests them reliably.
    static let unstableHandshakeHeaders: Set<String> = [
        "sec-websocket-key", "sec-websocket-protocol", "sec-websocket-extensions",
    ]

    /// `alb.condition-shape`, `alb.invalid-cidr`, `alb.invalid-regex`, `alb.unsatisfiable-condition`,
    /// `alb.handshake-header-match` for one condition.
    func checkCondition(_ condition: RuleCondition, in rule: HTTPRule, into findings: inout [LintFinding]) {
        guard checkShape(condition, into: &findings) else { return }
        if condition.type == .sourceIP {
            if let value = condition.value, !CIDR.isValid(value) {
                findings.append(
                    LintFinding(
                        rule: .invalidCIDR,
                        severity: .error,
                        message: sentence(
                            "SOURCE_IP value \"\(value)\" is not a CIDR such as 203.0.113.0/24 or ",
                            "2001:db8::/32; the API requires one"
                        ),
                        location: condition.source.appending("value")
                    )
                )
            }
            return
        }
        if condition.condition == .matches, let value = condition.value, ConditionEvaluator.regex(value) == nil {
            findings.append(
                LintFinding(
                    rule: .invalidRegex,
                    severity: .error,
                    message: sentence(
                        "MATCHES pattern \"\(value)\" is not a valid regular expression, so the condition ",
                        "cannot match as intended; fix the pattern"
                    ),
                    location: condition.source.appending("value")
                )
            )
            return
        }
        checkUpgradeRequest(condition, in: rule, into: &findings)
    }

    /// The documented combinations of `type`, `condition`, `key` and `value`; returns whether the condition
    /// is well formed enough to analyse further.
    private func checkShape(_ condition: RuleCondition, into findings: inout [LintFinding]) -> Bool {
        var problems: [(String, SourceLocation)] = []
        let source = condition.source
        if condition.type == .sourceIP {
            if let comparison = condition.condition {
                problems.append(
                    (
                        "SOURCE_IP conditions must have condition null, not \(comparison.rawValue)",
                        source.appending("condition")
                    )
                )
            }
            if condition.value == nil {
                problems.append(("SOURCE_IP conditions need a value (a CIDR)", source))
            }
        } else if let comparison = condition.condition {
            if comparison == .exists, condition.value != nil {
                problems.append(("EXISTS conditions must have value null", source.appending("value")))
            }
            if comparison != .exists, condition.value == nil {
                problems.append(("\(comparison.rawValue) conditions need a value", source))
            }
        } else {
            problems.append(("\(condition.type.rawValue) conditions need a condition (EXISTS, EQUALS, …)", source))
        }
        if condition.type.takesKey, condition.key == nil {
            problems.append(
                ("\(condition.type.rawValue) conditions need a key naming the \(keyNoun(condition.type))", source)
            )
        }
        if !condition.type.takesKey, condition.key != nil {
            problems.append(
                (
                    "key is only allowed for HEADER, QUERY and COOKIE conditions, not \(condition.type.rawValue)",
                    source.appending("key")
                )
            )
        }
        for (problem, location) in problems {
            findings.append(
                LintFinding(
                    rule: .conditionShape,
                    severity: .error,
                    message: "\(problem); the API rejects or misreads this condition (\(condition.summary))",
                    location: location
                )
            )
        }
        return problems.isEmpty
    }

    private func keyNoun(_ subject: RuleCondition.Subject) -> String {
        switch subject {
        case .header: "header"
        case .query: "query parameter"
        default: "cookie"
        }
    }

    /// What a WebSocket upgrade request always looks like: method GET (RFC 6455 §4.1), a path starting with
    /// "/", and the handshake headers.
    private func checkUpgradeRequest(
        _ condition: RuleCondition,
        in rule: HTTPRule,
        into findings: inout [LintFinding]
    ) {
        let candidates: [String]
        switch condition.type {
        case .method:
            candidates = ["GET"]
        case .path:
            let anchored = condition.condition == .equals || condition.condition == .startsWith
            if !condition.negate, anchored, let value = condition.value, !value.hasPrefix("/") {
                unsatisfiable(condition, because: "request paths always start with \"/\"", into: &findings)
            }
            return
        case .header:
            let key = condition.key?.lowercased() ?? ""
            if Self.unstableHandshakeHeaders.contains(key), condition.condition != .exists {
                findings.append(
                    LintFinding(
                        rule: .handshakeHeaderMatch,
                        severity: .warning,
                        message: sentence(
                            "\(condition.summary) compares a value that changes per connection or per client ",
                            "library (random keys, lists in any order and spacing); only EXISTS tests it reliably"
                        ),
                        location: condition.source
                    )
                )
                return
            }
            guard let spellings = Self.handshakeSpellings[key] else { return }
            candidates = spellings
        default:
            return
        }
        // A candidate is missed if the condition fails for it under either case reading; the condition is
        // unsatisfiable only if it fails every candidate under both.
        let sensitive = candidates.map { ConditionEvaluator.satisfied(condition, by: $0, mode: .sensitive) }
        let insensitive = candidates.map { ConditionEvaluator.satisfied(condition, by: $0, mode: .insensitive) }
        if (sensitive + insensitive).allSatisfy({ $0 == false }) {
            let what =
                condition.type == .method
                ? "a WebSocket upgrade is always a GET request (RFC 6455 §4.1)"
                : "upgrade requests send \(candidates.map { "\"\($0)\"" }.joined(separator: " or "))"
            excludesWebSockets(condition, in: rule, because: what, into: &findings)
            return
        }
        guard condition.type == .header else { return }
        let missed = candidates.indices.filter { sensitive[$0] == false || insensitive[$0] == false }
        guard !missed.isEmpty else { return }
        let spellings = missed.map { "\"\(candidates[$0])\"" }.joined(separator: " or ")
        findings.append(
            LintFinding(
                rule: .handshakeHeaderMatch,
                severity: .warning,
                message: sentence(
                    "\(condition.summary) may miss clients that send \(spellings): RFC 6455 §4.2.1 makes ",
                    "Upgrade and Connection case-insensitive and Connection is a list, while IONOS does not ",
                    "document whether its comparisons ignore case; use EXISTS or a case-insensitive MATCHES ",
                    "such as (?i)websocket, and test both spellings"
                ),
                location: condition.source
            )
        )
    }

    /// A condition no request at all can meet: the rule is dead whatever it is for.
    private func unsatisfiable(_ condition: RuleCondition, because reason: String, into findings: inout [LintFinding]) {
        findings.append(
            LintFinding(
                rule: .unsatisfiableCondition,
                severity: .error,
                message: sentence(
                    "\(condition.summary) can never hold: \(reason), so the rule never applies; ",
                    "fix or remove the condition"
                ),
                location: condition.source
            )
        )
    }

    /// A condition no WebSocket upgrade can meet. On a FORWARD rule that is worth a warning (the rule never
    /// carries a WebSocket, which is fine only if it is meant for plain HTTP); on a STATIC or REDIRECT rule it
    /// is how WebSockets are kept out of the rule, so nothing is reported.
    private func excludesWebSockets(
        _ condition: RuleCondition,
        in rule: HTTPRule,
        because reason: String,
        into findings: inout [LintFinding]
    ) {
        guard rule.type == .forward else { return }
        findings.append(
            LintFinding(
                rule: .unsatisfiableCondition,
                severity: .warning,
                message: sentence(
                    "\(condition.summary) can never hold for a WebSocket upgrade: \(reason); conditions are ",
                    "checked on the upgrade request only, so \(rule.displayName) never carries a WebSocket; ",
                    "fine if it is meant for plain HTTP, otherwise remove the condition"
                ),
                location: condition.source
            )
        )
    }

    /// `alb.unsatisfiable-condition` across conditions: all conditions must match, so two EQUALS on the same
    /// subject with different values can never both hold.
    func checkContradictions(_ rule: HTTPRule, into findings: inout [LintFinding]) {
        var seen: [String: RuleCondition] = [:]
        for condition in rule.conditions where condition.condition == .equals && !condition.negate {
            guard let value = condition.value, condition.type != .method else { continue }
            // Header names and host names compare case-insensitively (RFC 9110 §5.1, RFC 3986 §3.2.2).
            let key = condition.type == .header ? condition.key?.lowercased() : condition.key
            let subject = "\(condition.type.rawValue) \(key ?? "")"
            let differs: (String) -> Bool = { earlierValue in
                condition.type == .host ? earlierValue.lowercased() != value.lowercased() : earlierValue != value
            }
            if let earlier = seen[subject], let earlierValue = earlier.value, differs(earlierValue) {
                unsatisfiable(
                    condition,
                    because: "\(rule.displayName) also requires \(earlier.summary) and all conditions must match",
                    into: &findings
                )
            } else if seen[subject] == nil {
                seen[subject] = condition
            }
        }
    }
}
