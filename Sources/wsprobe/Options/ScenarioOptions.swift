import ALBEmulator
import ArgumentParser
import ResultCodes
import Scenario
import WSProtocol
import WSTransport

/// The scenario and target options `run` and `probe rate` share, and how they pick the target.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario value.", valueName: "key.path=value"))
    var overrides: [String] = []

    @Option(help: "Target URL, instead of the scenario's.")
    var url: String?

    @Option(help: ArgumentHelp("Local source addresses, e.g. 127.0.0.2-127.0.0.20.", valueName: "range"))
    var source: String?

    /// The scenario with the overrides (and `--source`) applied; every diagnostic is printed.
    /// - Throws: `CommandFailure` with status 2 when the scenario is invalid.
    func load() throws(CommandFailure) -> Scenario {
        var overrides = self.overrides
        if let source = self.source { overrides.append("target.source=[\(source)]") }
        let loaded = ScenarioLoader(overrides: overrides).load(contentsOfFile: self.scenario)
        for diagnostic in loaded.renderedDiagnostics { printError(diagnostic) }
        guard let scenario = loaded.scenario else {
            throw CommandFailure(status: .invalidInput, code: .scenarioInvalid, message: "the scenario is invalid")
        }
        return scenario
    }

    /// Runs `body` against the target: `--url` or the scenario's URL; without one, the scenario's
    /// `target.embedded` ALB emulation (a TLS listener gets a throwaway CA that only this run trusts, set as the
    /// scenario's CA), or else the built-in echo target. `body` gets the scenario as it should be run.
    func withTarget<Result: Sendable>(
        _ scenario: Scenario,
        _ body: (Scenario, WebSocketURL, EmbeddedALB?) async throws -> Result
    ) async throws -> Result {
        guard let urlText = self.url ?? scenario.target.url else {
            guard let embedded = scenario.target.embedded else {
                return try await EmbeddedTarget.withEchoTarget(subprotocols: scenario.target.subprotocols) { url in
                    try await body(scenario, url, nil)
                }
            }
            let tls = try embedded.tls ? EphemeralTLSFiles(hostNames: Self.tlsNames(scenario)) : nil
            defer { tls?.remove() }
            var scenario = scenario
            if let tls { scenario.target.tls.caCertificate = tls.authorityFile }
            return try await EmbeddedTarget.withALB(
                embedded,
                subprotocols: scenario.target.subprotocols,
                tls: tls?.server
            ) { url, alb in
                try await body(scenario, url, alb)
            }
        }
        let url: WebSocketURL
        do {
            url = try WebSocketURL(parsing: urlText)
        } catch {
            throw CommandFailure(status: .invalidInput, code: error.code, message: error.description)
        }
        return try await body(scenario, url, nil)
    }

    /// The names an embedded TLS listener's certificate covers: the scenario's server name and `localhost`.
    private static func tlsNames(_ scenario: Scenario) -> [String] {
        var names = ["localhost"]
        if let name = scenario.target.tls.serverName, name != "localhost" { names.insert(name, at: 0) }
        return names
    }
}
