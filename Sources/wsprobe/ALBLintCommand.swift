import ALBConfig
import ArgumentParser
import Foundation
import Scenario

/// `wsprobe alb lint FILE…`: loads saved IONOS Cloud API v6 JSON and prints the lint findings.
///
/// Exit status: 0 without error findings, 1 with any error finding, 2 when a file cannot be read or parsed.
struct ALBLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Lint saved IONOS ALB, forwarding-rule and target-group JSON for WebSocket hazards.",
        discussion: """
            Save the JSON with the Cloud API v6, e.g. GET …/applicationloadbalancers/{id}?depth=2 and \
            GET /cloudapi/v6/targetgroups?depth=2. Rules are described in docs/alb-lint.md. Exit status: \
            0 no errors, 1 error findings, 2 a file could not be read or parsed.
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "JSON files saved from the IONOS Cloud API v6 (ALB, forwarding rules, target groups).")
    var files: [String]

    @Option(help: "The application's heartbeat (ping) interval, e.g. 30s or 500ms; checks clientTimeout.")
    var heartbeat: String?

    @Option(help: "How many source IP addresses generate the load (checks SOURCE_IP balancing); default 1.")
    var sources: Int?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one JSON file.") }
        if let heartbeat, case .failure(let error) = DurationText.parseMilliseconds(heartbeat) {
            throw ValidationError("--heartbeat: \(error.message).")
        }
        if let sources, sources < 1 { throw ValidationError("--sources must be at least 1.") }
    }

    func run() throws {
        let configuration: ALBConfiguration
        do {
            configuration = try ALBConfigLoader.load(paths: files)
        } catch {
            printError("error[\(error.code)]: \(error)")
            throw ExitCode(2)
        }
        let options = LintOptions(heartbeatMilliseconds: heartbeat.flatMap(DurationText.milliseconds), sources: sources)
        let report = LintReport(findings: ALBLinter(options: options).lint(configuration))
        switch format {
        case .text:
            print(LintReportFormatter.text(report), terminator: "")
        case .json:
            do {
                print(try LintReportFormatter.json(report), terminator: "")
            } catch {
                printError("error[\(error.code)]: \(error)")
                throw ExitCode(2)
            }
        }
        if report.hasErrors { throw ExitCode(1) }
    }
}
