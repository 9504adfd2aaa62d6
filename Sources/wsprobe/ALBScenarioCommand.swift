import ALBConfig
import ArgumentParser
import Foundation
import ResultCodes
import Scenario

/// `wsprobe alb scenario FILE…`: writes a routing-matrix scenario generated from saved IONOS forwarding rules.
///
/// Exit status: 0 written, 2 a file cannot be read or parsed, no forwarding rule can be chosen, or the generated
/// scenario does not load (a bug: it is checked with the scenario loader before it is written).
struct ALBScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Generate a routing-matrix scenario (routes:) from saved IONOS forwarding rules.",
        discussion: """
            For each HTTP rule, one request that matches all its conditions and, per condition, one that fails \
            only that condition; each row expects what the rules predict in IONOS order (non-FORWARD rules \
            first, first match wins): the FORWARD group's targets (ip:port by default; edit them to what your \
            backends report), the STATIC status, or the REDIRECT location. See docs/alb-lint.md.
            """
    )

    @Argument(help: "JSON files saved from the IONOS Cloud API v6 (forwarding rules and target groups).")
    var files: [String]

    @Option(name: [.customShort("o"), .long], help: "Write the scenario to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("base-url"), help: "The scenario's target.url (default: wss://listenerIp:listenerPort/).")
    var baseURL: String?

    @Option(name: .customLong("forwarding-rule"), help: "The forwarding rule (ID or name) when the files hold several.")
    var forwardingRule: String?

    @Option(help: "How expected targets are named: address (ip:port, default) or group (the target group's name).")
    var identity: String = "address"

    @Option(name: .customLong("no-match-status"), help: "The status expected when no rule matches (default 404).")
    var noMatchStatus = 404

    @Option(help: "The scenario name (default alb-routes-<forwarding rule name>).")
    var name: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one JSON file.") }
        if ScenarioGenerationOptions.IdentityStyle(rawValue: identity) == nil {
            throw ValidationError("--identity must be address or group.")
        }
        if !(100...599).contains(noMatchStatus) || noMatchStatus == 101 {
            throw ValidationError("--no-match-status must be an HTTP status from 100 to 599 other than 101.")
        }
    }

    func run() throws {
        let configuration: ALBConfiguration
        do {
            configuration = try ALBConfigLoader.load(paths: files)
        } catch {
            printError("error[\(error.code)]: \(error)")
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        }
        var options = ScenarioGenerationOptions()
        options.baseURL = baseURL
        options.forwardingRule = forwardingRule
        options.identity = ScenarioGenerationOptions.IdentityStyle(rawValue: identity) ?? .address
        options.noMatchStatus = noMatchStatus
        options.name = name
        let scenario: GeneratedScenario
        do {
            scenario = try ScenarioGenerator(options: options).generate(configuration)
        } catch {
            printError("error[\(error.code)]: \(error)")
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        }
        let text = scenario.yamlText
        let loaded = ScenarioLoader().load(yaml: text, file: output ?? "<generated>")
        if !loaded.diagnostics.isEmpty {
            for rendered in loaded.renderedDiagnostics { printError(rendered) }
            printError(
                "error[\(ErrorCode.albScenarioInvalid)]: the generated scenario does not load cleanly (a wsprobe bug)."
            )
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        }
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            try writeOutputFile(text, to: URL(fileURLWithPath: output))
        } catch {
            printError("error[\(ErrorCode.albScenarioWrite)]: cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(ExitStatus.couldNotStart.rawValue)
        }
        printError("wrote \(output): \(scenario.routes.count) routes, \(scenario.notes.count) notes")
    }
}
