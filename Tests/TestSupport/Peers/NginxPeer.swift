import Foundation

/// nginx (`nginx -p prefix -c conf -e stderr -g 'daemon off;'`) as an ALB stand-in on 127.0.0.1;
/// see `ALBStandInConfiguration` for the route table. Runs as a single process
/// (`master_process off`) with pid, logs and temporary files in its own temporary folder, so that
/// stopping it leaves nothing behind and weighted round robin is deterministic.
package final class NginxPeer: ALBStandIn {
    package var kind: ALBStandInKind { .nginx }
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

    /// Renders the configuration into a new temporary folder, starts nginx and waits for its ports.
    ///
    /// - Throws: `PeerError.executableMissing` when nginx is not installed,
    ///   `PeerError.invalidConfiguration`, or the start errors of `PeerProcess`.
    package static func start(_ configuration: ALBStandInConfiguration) async throws -> NginxPeer {
        try configuration.validate()
        let executable = try PeerFiles.executable("nginx")
        let directory = try PeerFiles.makeTemporaryDirectory(prefix: "nginx")
        let httpPort = try LoopbackPort.free()
        let httpsPort = try configuration.tls.map { _ in try LoopbackPort.free() }
        let deadPort = try LoopbackPort.free()
        let text = render(
            configuration,
            directory: directory,
            httpPort: httpPort,
            httpsPort: httpsPort,
            deadPort: deadPort
        )
        let path = (directory as NSString).appendingPathComponent("nginx.conf")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let process = try PeerProcess.launch(
            name: "nginx",
            executable: executable,
            arguments: ["-p", directory, "-c", path, "-e", "stderr", "-g", "daemon off;"],
            currentDirectory: directory,
            removeDirectoryOnExit: true
        )
        do {
            try await process.waitUntilListening(ports: [httpPort] + (httpsPort.map { [$0] } ?? []))
        } catch {
            process.stop()
            throw error
        }
        return NginxPeer(
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

    /// The nginx configuration text for `configuration` (nginx 1.19.5 or later for `-e`).
    ///
    /// Special paths are exact-match locations; the rules live in `location /` as `if` blocks that
    /// only `set $route` (written last rule first, so the first rule wins), then fixed responses are
    /// `return`s and forwards `proxy_pass http://$route` to an upstream of that name.
    package static func render(
        _ configuration: ALBStandInConfiguration,
        directory: String,
        httpPort: Int,
        httpsPort: Int?,
        deadPort: Int
    ) -> String {
        func file(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        let upgradeHeaders = [
            "proxy_http_version 1.1;",
            "proxy_set_header Host $http_host;",
            "proxy_set_header Upgrade $http_upgrade;",
            "proxy_set_header Connection $connection_upgrade;",
        ]
        var lines = [
            "master_process off;",
            "worker_processes 1;",
            "pid \(file("nginx.pid"));",
            "error_log stderr warn;",
            "events { worker_connections 1024; }",
            "http {",
            "    access_log off;",
            "    client_body_temp_path \(file("client_body"));",
            "    proxy_temp_path \(file("proxy"));",
            "    fastcgi_temp_path \(file("fastcgi"));",
            "    uwsgi_temp_path \(file("uwsgi"));",
            "    scgi_temp_path \(file("scgi"));",
            "    default_type text/plain;",
            "    proxy_connect_timeout 2s;",
            "    proxy_read_timeout 1h;",
            "    proxy_send_timeout 1h;",
            "    map $http_upgrade $connection_upgrade { default upgrade; '' close; }",
        ]
        func upstream(_ name: String, _ targets: [ALBTarget]) {
            lines.append("    upstream \(name) {")
            for target in targets {
                lines.append("        server 127.0.0.1:\(target.port) weight=\(target.weight);")
            }
            lines.append("    }")
        }
        for group in configuration.groups { upstream("g_\(group.name)", group.targets) }
        upstream("dead", [ALBTarget(port: deadPort)])
        if let plain = configuration.plainHTTPPort { upstream("plain", [ALBTarget(port: plain)]) }

        let defaultUpstream = "g_\(configuration.defaultGroup)"
        lines += ["    server {", "        listen 127.0.0.1:\(httpPort);"]
        if let httpsPort, let tls = configuration.tls {
            lines += [
                "        listen 127.0.0.1:\(httpsPort) ssl;",
                "        ssl_certificate \(tls.certificate);",
                "        ssl_certificate_key \(tls.key);",
            ]
        }
        func location(_ match: String, _ body: [String]) {
            lines.append("        location \(match) {")
            lines += body.map { "            \($0)" }
            lines.append("        }")
        }
        location("= /health", ["default_type text/html;", "return 200 \"\(ALBStandInConfiguration.healthPage)\";"])
        location("= /static", ["return \(configuration.staticStatus) \"\(configuration.staticBody)\";"])
        location("= /dead", ["proxy_pass http://dead;"] + upgradeHeaders)
        location("= /ws", ["proxy_pass http://\(defaultUpstream);"] + upgradeHeaders)
        location(
            "= /stripped",
            [
                "proxy_pass http://\(defaultUpstream);", "proxy_http_version 1.1;",
                "proxy_set_header Host $http_host;", "proxy_set_header Upgrade \"\";",
                "proxy_set_header Connection \"\";",
            ]
        )
        location(
            "= /idle",
            ["proxy_pass http://\(defaultUpstream);"] + upgradeHeaders + [
                "proxy_read_timeout \(configuration.idleTimeoutSeconds)s;",
                "proxy_send_timeout \(configuration.idleTimeoutSeconds)s;",
            ]
        )
        if configuration.plainHTTPPort != nil {
            location("= /plain", ["proxy_pass http://plain;"] + upgradeHeaders)
        }

        var ruleBody = ["set $route \"\";"]
        var fixedReturns: [String] = []
        for (index, rule) in configuration.rules.enumerated().reversed() {
            let condition: String
            switch rule.condition {
            case .host(let host): condition = "$host = \"\(host.lowercased())\""
            case .pathPrefix(let prefix):
                condition = "$uri ~ \"^\(prefix.replacingOccurrences(of: ".", with: "\\."))\""
            case .header(let name, let value):
                condition = "$http_\(name.lowercased().replacingOccurrences(of: "-", with: "_")) = \"\(value)\""
            case .query(let name, let value): condition = "$arg_\(name) = \"\(value)\""
            case .cookie(let name, let value): condition = "$cookie_\(name) = \"\(value)\""
            }
            let route: String
            switch rule.action {
            case .forward(let group): route = "g_\(group)"
            case .fixedResponse(let status, let body):
                route = "fixed_rule\(index)"
                fixedReturns.append("if ($route = \"\(route)\") { return \(status) \"\(body)\"; }")
            }
            ruleBody.append("if (\(condition)) { set $route \"\(route)\"; }")
        }
        ruleBody += fixedReturns
        ruleBody.append("if ($route = \"\") { return 404 \"\(ALBStandInConfiguration.noRuleBody)\"; }")
        ruleBody.append("proxy_pass http://$route;")
        location("/", ruleBody + upgradeHeaders)
        lines += ["    }", "}"]
        return lines.joined(separator: "\n")
    }
}
