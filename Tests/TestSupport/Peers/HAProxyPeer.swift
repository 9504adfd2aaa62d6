import Foundation

/// HAProxy (`haproxy -f cfg -db`) as an ALB stand-in on 127.0.0.1; see `ALBStandInConfiguration`
/// for the route table. Runs with one thread so that weighted round robin is deterministic.
package final class HAProxyPeer: ALBStandIn {
    package var kind: ALBStandInKind { .haproxy }
    package let httpPort: Int
    package let httpsPort: Int?
    package let deadBackendPort: Int
    package let configurationPath: String
    package let process: PeerProcess

    private init(httpPort: Int, httpsPort: Int?, deadBackendPort: Int, configurationPath: String, process: PeerProcess)
    {
        self.httpPort = httpPort
        self.httpsPort = httpsPort
        self.deadBackendPort = deadBackendPort
        self.configurationPath = configurationPath
        self.process = process
    }

    /// Renders the configuration into a new temporary folder, starts HAProxy and waits for its ports.
    ///
    /// - Throws: `PeerError.executableMissing` when HAProxy is not installed,
    ///   `PeerError.invalidConfiguration`, or the start errors of `PeerProcess`.
    package static func start(_ configuration: ALBStandInConfiguration) async throws -> HAProxyPeer {
        try configuration.validate()
        let executable = try PeerFiles.executable("haproxy")
        let directory = try PeerFiles.makeTemporaryDirectory(prefix: "haproxy")
        let httpPort = try LoopbackPort.free()
        let httpsPort = try configuration.tls.map { _ in try LoopbackPort.free() }
        let deadPort = try LoopbackPort.free()
        var combinedPEM: String?
        if let tls = configuration.tls {
            // HAProxy wants the certificate and its key in one PEM file.
            let path = (directory as NSString).appendingPathComponent("server-combined.pem")
            let certificate = try String(contentsOfFile: tls.certificate, encoding: .utf8)
            let key = try String(contentsOfFile: tls.key, encoding: .utf8)
            try (certificate + "\n" + key).write(toFile: path, atomically: true, encoding: .utf8)
            combinedPEM = path
        }
        let text = render(
            configuration,
            httpPort: httpPort,
            httpsPort: httpsPort,
            combinedPEM: combinedPEM,
            deadPort: deadPort
        )
        let path = (directory as NSString).appendingPathComponent("haproxy.cfg")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let process = try PeerProcess.launch(
            name: "haproxy",
            executable: executable,
            arguments: ["-f", path, "-db"],
            currentDirectory: directory,
            removeDirectoryOnExit: true
        )
        do {
            try await process.waitUntilListening(ports: [httpPort] + (httpsPort.map { [$0] } ?? []))
        } catch {
            process.stop()
            throw error
        }
        return HAProxyPeer(
            httpPort: httpPort,
            httpsPort: httpsPort,
            deadBackendPort: deadPort,
            configurationPath: path,
            process: process
        )
    }

    package func stop() {
        process.stop()
    }

    /// The HAProxy configuration text for `configuration` (HAProxy 2.2 or later).
    ///
    /// Routing sets the transaction variable `txn.route` with the first matching entry (special
    /// paths, then rules); fixed responses are `http-request return`, forwards `use_backend`.
    package static func render(
        _ configuration: ALBStandInConfiguration,
        httpPort: Int,
        httpsPort: Int?,
        combinedPEM: String?,
        deadPort: Int
    ) -> String {
        var routes: [(condition: String, route: String)] = [
            ("{ path /health }", "fixed_health"),
            ("{ path /static }", "fixed_static"),
            ("{ path /dead }", "be_dead"),
            ("{ path /ws }", "be_g_\(configuration.defaultGroup)"),
            ("{ path /stripped }", "be_stripped"),
            ("{ path /idle }", "be_idle"),
        ]
        if configuration.plainHTTPPort != nil { routes.append(("{ path /plain }", "be_plain")) }
        var fixed: [(route: String, status: Int, type: String, body: String)] = [
            ("fixed_health", 200, "text/html", ALBStandInConfiguration.healthPage),
            ("fixed_static", configuration.staticStatus, "text/plain", configuration.staticBody),
        ]
        for (index, rule) in configuration.rules.enumerated() {
            let condition: String
            switch rule.condition {
            case .host(let host): condition = "{ req.hdr(host),lower,field(1,:) -m str \(host.lowercased()) }"
            case .pathPrefix(let prefix): condition = "{ path_beg \(prefix) }"
            case .header(let name, let value): condition = "{ req.hdr(\(name)) -m str \(value) }"
            case .query(let name, let value): condition = "{ urlp(\(name)) -m str \(value) }"
            case .cookie(let name, let value): condition = "{ req.cook(\(name)) -m str \(value) }"
            }
            switch rule.action {
            case .forward(let group):
                routes.append((condition, "be_g_\(group)"))
            case .fixedResponse(let status, let body):
                routes.append((condition, "fixed_rule\(index)"))
                fixed.append(("fixed_rule\(index)", status, "text/plain", body))
            }
        }

        var lines = [
            "global",
            "    maxconn 4096",
            "    nbthread 1",
            "",
            "defaults",
            "    mode http",
            "    timeout connect 2s",
            "    timeout client 30s",
            "    timeout server 30s",
            "    timeout http-request 10s",
            "    timeout tunnel 1h",
            "    retries 1",
            "",
            "frontend alb",
            "    bind 127.0.0.1:\(httpPort)",
        ]
        if let httpsPort, let combinedPEM {
            lines.append("    bind 127.0.0.1:\(httpsPort) ssl crt \(combinedPEM) alpn http/1.1")
        }
        for (condition, route) in routes {
            lines.append(
                "    http-request set-var(txn.route) str(\(route)) if !{ var(txn.route) -m found } \(condition)"
            )
        }
        for entry in fixed {
            lines.append(
                "    http-request return status \(entry.status) content-type \"\(entry.type)\" string \"\(entry.body)\" "
                    + "if { var(txn.route) -m str \(entry.route) }"
            )
        }
        lines += [
            "    http-request return status 404 content-type \"text/plain\" string \"\(ALBStandInConfiguration.noRuleBody)\" "
                + "if !{ var(txn.route) -m found }",
            "    http-request del-header Upgrade if { var(txn.route) -m str be_stripped }",
            "    http-request del-header Connection if { var(txn.route) -m str be_stripped }",
            "    use_backend %[var(txn.route)]",
            "",
        ]

        func backend(_ name: String, _ targets: [ALBTarget], extra: [String] = []) {
            lines += ["backend \(name)", "    balance roundrobin"] + extra.map { "    \($0)" }
            for (index, target) in targets.enumerated() {
                lines.append("    server t\(index) 127.0.0.1:\(target.port) weight \(target.weight)")
            }
            lines.append("")
        }
        for group in configuration.groups {
            backend("be_g_\(group.name)", group.targets)
        }
        let defaultTargets = configuration.groups.first { $0.name == configuration.defaultGroup }?.targets ?? []
        backend("be_stripped", defaultTargets)
        backend("be_idle", defaultTargets, extra: ["timeout tunnel \(configuration.idleTimeoutSeconds)s"])
        backend("be_dead", [ALBTarget(port: deadPort)])
        if let plain = configuration.plainHTTPPort { backend("be_plain", [ALBTarget(port: plain)]) }
        return lines.joined(separator: "\n")
    }
}
