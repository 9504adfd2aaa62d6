extension ALBLinter {
    /// `alb.http-health-check`, `alb.health-check-disabled`.
    ///
    /// IONOS's WebSocket guide: leave `httpHealthCheck` out of WebSocket target groups, otherwise the targets
    /// are marked unavailable; the TCP check (`healthCheckEnabled` on each target) is fine.
    func checkHealthChecks(_ group: TargetGroup, usage: Usage, into findings: inout [LintFinding]) {
        if let check = group.httpHealthCheck {
            let request = "\(check.method ?? "GET") \(check.path ?? "/")"
            findings.append(
                LintFinding(
                    rule: .httpHealthCheck,
                    severity: usage.hazardSeverity,
                    message: sentence(
                        "\(group.displayName) has an httpHealthCheck (\(request))\(usage.note); IONOS's ",
                        "WebSocket guide says WebSocket target groups must not use one, or the targets are ",
                        "marked unavailable; remove httpHealthCheck and keep the TCP check ",
                        "(healthCheckEnabled on each target)"
                    ),
                    location: check.source
                )
            )
        }
        for target in group.targets where target.healthCheckEnabled == false {
            findings.append(
                LintFinding(
                    rule: .healthCheckDisabled,
                    severity: .warning,
                    message: sentence(
                        "target \(target.address) of \(group.displayName) has healthCheckEnabled false: ",
                        "the ALB keeps sending upgrade requests to it while it is down, and those clients get ",
                        "an error instead of a WebSocket; enable the TCP check"
                    ),
                    location: target.source.appending("healthCheckEnabled")
                )
            )
        }
    }

    /// `alb.no-targets`, `alb.no-usable-targets`, `alb.weight-zero`, `alb.maintenance`, `alb.weight-range`,
    /// `alb.proxy-protocol`.
    ///
    /// IONOS: weight is 0–256 (default 1) and "targets with a weight of 0 do not participate in load
    /// balancing but still accept persistent connections"; `maintenanceEnabled` "prevents the target from
    /// receiving traffic".
    func checkTargets(_ group: TargetGroup, usage: Usage, into findings: inout [LintFinding]) {
        let properties = group.propertiesSource
        if group.targets.isEmpty {
            findings.append(
                LintFinding(
                    rule: .noTargets,
                    severity: usage.hazardSeverity,
                    message: sentence(
                        "\(group.displayName) has no targets\(usage.note); upgrade requests forwarded to it ",
                        "fail; add the WebSocket servers as targets"
                    ),
                    location: properties
                )
            )
            return
        }
        for target in group.targets {
            if let weight = target.weight, !Target.weightRange.contains(weight) {
                findings.append(
                    LintFinding(
                        rule: .weightRange,
                        severity: .error,
                        message: "target \(target.address) has weight \(weight); the API accepts 0 to 256",
                        location: target.source.appending("weight")
                    )
                )
            }
        }
        let usable = group.targets.filter(\.takesNewConnections)
        if usable.isEmpty {
            let reasons = group.targets.enumerated().map { index, target in
                let state = target.maintenanceEnabled == true ? "in maintenance" : "at weight \(target.effectiveWeight)"
                return "targets[\(index)] \(target.address) \(state)"
            }
            findings.append(
                LintFinding(
                    rule: .noUsableTargets,
                    severity: usage.hazardSeverity,
                    message: sentence(
                        "no target of \(group.displayName) takes new connections\(usage.note): ",
                        reasons.joined(separator: ", "),
                        "; every new WebSocket upgrade fails; give at least one target a weight above 0 ",
                        "and maintenanceEnabled false"
                    ),
                    location: properties.appending("targets")
                )
            )
        } else {
            for target in group.targets {
                checkDrainState(target, group: group, into: &findings)
            }
        }
        checkProxyProtocol(group, into: &findings)
    }

    private func checkDrainState(_ target: Target, group: TargetGroup, into findings: inout [LintFinding]) {
        if target.maintenanceEnabled == true {
            findings.append(
                LintFinding(
                    rule: .maintenance,
                    severity: .warning,
                    message: sentence(
                        "target \(target.address) of \(group.displayName) is in maintenance and receives no ",
                        "traffic; if this is a deploy, expect its WebSockets to close (1001 or 1006) and the ",
                        "clients to reconnect to the other targets; set maintenanceEnabled false when done"
                    ),
                    location: target.source.appending("maintenanceEnabled")
                )
            )
        } else if target.weight == 0 {
            findings.append(
                LintFinding(
                    rule: .weightZero,
                    severity: .warning,
                    message: sentence(
                        "target \(target.address) of \(group.displayName) has weight 0: it gets no new ",
                        "WebSockets but keeps the ones it has, so it drains only as clients disconnect and a ",
                        "load test sees it idle; use a weight of 1–256 to balance to it"
                    ),
                    location: target.source.appending("weight")
                )
            )
        }
    }

    private func checkProxyProtocol(_ group: TargetGroup, into findings: inout [LintFinding]) {
        let modes = group.targets.map { ($0.proxyProtocol ?? "none").lowercased() }
        if Set(modes).count > 1 {
            findings.append(
                LintFinding(
                    rule: .proxyProtocol,
                    severity: .warning,
                    message: sentence(
                        "targets of \(group.displayName) use different proxyProtocol settings ",
                        "(\(modes.joined(separator: ", "))): a backend that does not expect the PROXY header ",
                        "(or expects one that is not sent) fails the handshake, so upgrades fail on some ",
                        "targets only; use one setting that matches the servers"
                    ),
                    location: group.propertiesSource.appending("targets")
                )
            )
            return
        }
        for target in group.targets {
            guard let mode = target.proxyProtocol, mode.lowercased() != "none" else { continue }
            findings.append(
                LintFinding(
                    rule: .proxyProtocol,
                    severity: .info,
                    message: sentence(
                        "target \(target.address) receives a PROXY protocol \(mode) header before the ",
                        "upgrade request; the server must be configured to read it, or the handshake fails ",
                        "with 400 or a closed connection"
                    ),
                    location: target.source.appending("proxyProtocol")
                )
            )
        }
    }

    /// `alb.source-ip-single-client`: SOURCE_IP pins each client address to one target, so a load generator
    /// on few addresses exercises few targets. Never silent: with enough sources, or a single usable target,
    /// an info finding says what SOURCE_IP means for a load test.
    func checkAlgorithm(_ group: TargetGroup, into findings: inout [LintFinding]) {
        guard group.algorithm == .sourceIP else { return }
        let usable = group.targets.filter(\.takesNewConnections).count
        let sources = options.sources ?? 1
        let location = group.propertiesSource.appending("algorithm")
        guard usable > 1, sources < usable else {
            let addresses =
                options.sources == nil ? "one source address (--sources not given)" : "\(sources) source addresses"
            findings.append(
                LintFinding(
                    rule: .sourceIPSingleClient,
                    severity: .info,
                    message: sentence(
                        "\(group.displayName) balances by SOURCE_IP: each client address sticks to one target, so a ",
                        "load test from \(addresses) reaches at most that many of its \(usable) usable target(s), and ",
                        "the spread follows the hash of the addresses, not the weights: a weights check needs ",
                        "several source addresses (--source) and expects an uneven share"
                    ),
                    location: location
                )
            )
            return
        }
        if sources <= 1 {
            findings.append(
                LintFinding(
                    rule: .sourceIPSingleClient,
                    severity: .warning,
                    message: sentence(
                        "\(group.displayName) balances by SOURCE_IP and the load comes from one source ",
                        "address, so every WebSocket lands on the same one of its \(usable) targets: a test-rig ",
                        "artefact, not an ALB fault; generate load from several addresses (--sources) or test ",
                        "with ROUND_ROBIN or LEAST_CONNECTION"
                    ),
                    location: location
                )
            )
        } else {
            findings.append(
                LintFinding(
                    rule: .sourceIPSingleClient,
                    severity: .info,
                    message: sentence(
                        "\(group.displayName) balances by SOURCE_IP; \(sources) source addresses can reach ",
                        "at most \(sources) of its \(usable) targets, so some targets stay idle in the test"
                    ),
                    location: location
                )
            )
        }
    }

    /// `alb.protocol-version`: a WebSocket needs HTTP/1.1 Upgrade between ALB and target (RFC 6455 §4.1).
    func checkProtocolVersion(_ group: TargetGroup, into findings: inout [LintFinding]) {
        guard let version = group.protocolVersion, version.contains("2") else { return }
        findings.append(
            LintFinding(
                rule: .protocolVersion,
                severity: .warning,
                message: sentence(
                    "\(group.displayName) talks \(version) to its targets; the WebSocket handshake is an ",
                    "HTTP/1.1 Upgrade (RFC 6455 §4.1) and HTTP/2 carries WebSockets only where both sides ",
                    "support RFC 8441; keep protocolVersion at HTTP/1.1 for WebSocket targets"
                ),
                location: group.propertiesSource.appending("protocolVersion")
            )
        )
    }
}
