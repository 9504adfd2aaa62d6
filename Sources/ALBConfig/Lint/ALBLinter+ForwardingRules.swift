extension ALBLinter {
    /// `alb.client-timeout`, `alb.client-timeout-margin`: the heartbeat must fit well inside `clientTimeout`.
    ///
    /// IONOS: `clientTimeout` is "the maximum time in milliseconds to wait for the client to acknowledge or
    /// send data; default is 50,000". It is the ALB's only idle timeout, so a socket silent for that long is
    /// closed, which the client sees as 1006 without a Close frame (RFC 6455 §7.1.5).
    func checkClientTimeout(_ forwardingRule: ForwardingRule, into findings: inout [LintFinding]) {
        guard let heartbeat = options.heartbeatMilliseconds else { return }
        let timeout = forwardingRule.effectiveClientTimeout
        let properties = forwardingRule.source.appending("properties")
        let location = forwardingRule.clientTimeout == nil ? properties : properties.appending("clientTimeout")
        let written =
            forwardingRule.clientTimeout == nil
            ? "clientTimeout is not set, so the default \(timeout) ms applies" : "clientTimeout is \(timeout) ms"
        if heartbeat >= timeout {
            findings.append(
                LintFinding(
                    rule: .clientTimeout,
                    severity: .error,
                    message: sentence(
                        "\(written) but the heartbeat is every \(heartbeat) ms: the ALB closes a quiet ",
                        "WebSocket before the next ping, and clients see close code 1006 with no Close frame; ",
                        "raise clientTimeout above the heartbeat (e.g. \(suggestedTimeout(for: heartbeat)) ms) ",
                        "or ping more often"
                    ),
                    location: location
                )
            )
        } else if Double(heartbeat) > options.safetyMargin * Double(timeout) {
            let percent = Int((options.safetyMargin * 100).rounded())
            findings.append(
                LintFinding(
                    rule: .clientTimeoutMargin,
                    severity: .warning,
                    message: sentence(
                        "\(written) and the heartbeat is every \(heartbeat) ms, more than \(percent) % of ",
                        "the timeout: a ping delayed by a busy client, the network or a retransmission races ",
                        "the idle cutoff; keep the heartbeat at or below ",
                        "\(Int(options.safetyMargin * Double(timeout))) ms or raise clientTimeout"
                    ),
                    location: location
                )
            )
        }
    }

    /// A timeout that leaves the safety margin for `heartbeat`, rounded up to 5 s.
    private func suggestedTimeout(for heartbeat: Int) -> Int {
        let needed = Double(heartbeat) / options.safetyMargin
        return Int((needed / 5000).rounded(.up)) * 5000
    }

    /// `alb.no-forward-rule`: without a FORWARD rule no upgrade request reaches a target.
    func checkForwardRulePresence(_ forwardingRule: ForwardingRule, into findings: inout [LintFinding]) {
        guard !forwardingRule.httpRules.contains(where: { $0.type == .forward }) else { return }
        let properties = forwardingRule.source.appending("properties")
        findings.append(
            LintFinding(
                rule: .noForwardRule,
                severity: .warning,
                message: sentence(
                    "forwarding rule \(forwardingRule.displayName) has no FORWARD HTTP rule, so no upgrade ",
                    "request is sent to a target group and no WebSocket can open through this listener; ",
                    "add a FORWARD rule naming the WebSocket target group"
                ),
                location: forwardingRule.httpRules.isEmpty ? properties : properties.appending("httpRules")
            )
        )
    }
}
