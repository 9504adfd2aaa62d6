import ArgumentParser
import Scenario

/// `wsprobe validate FILE…`: checks scenarios without running them (exit 0 valid, 2 invalid).
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files and report every problem with file:line:column.",
        discussion: "Exits 0 when every file is valid (warnings allowed) and 2 when any has an error."
    )

    @Argument(help: "Scenario files (YAML or JSON).")
    var files: [String]

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Override a value before validation, e.g. load.connections=500.",
            valueName: "key.path=value"
        )
    )
    var overrides: [String] = []

    func run() throws {
        let loader = ScenarioLoader(overrides: overrides)
        var failed = false
        for file in files {
            let result = loader.load(contentsOfFile: file)
            for diagnostic in result.renderedDiagnostics { print(diagnostic) }
            if let scenario = result.scenario {
                print("ok: \(scenario.summary)")
            } else {
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }
}
