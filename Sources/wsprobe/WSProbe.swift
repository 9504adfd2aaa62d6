import ArgumentParser
import Foundation

/// The root command: verifies WebSocket connectivity through load balancers and load-tests WebSocket services.
@main
struct WSProbe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wsprobe",
        abstract: "Verify WebSocket connectivity through application load balancers and load-test WebSocket services.",
        discussion: ShowSecretsOption.help,
        version: WSProbeVersion.current,
        subcommands: [
            CheckCommand.self, RunCommand.self, ServeCommand.self, ValidateCommand.self, ReportCommand.self,
            MergeCommand.self, CompareCommand.self, ALBCommand.self, AutobahnCommand.self, ProbeCommand.self,
        ]
    )

    /// Applies `--show-secrets` and accepts `--deflate` without a value before ArgumentParser runs; every
    /// message, ArgumentParser's own included, is printed through the redaction step. Every usage error (unknown
    /// flag, missing or malformed value, a failed `validate()`) ends with status 2 like every other invalid input;
    /// `--help` and `--version` still end with 0.
    static func main() async {
        let arguments = Self.normalizedArguments(ShowSecretsOption.apply(to: Array(CommandLine.arguments.dropFirst())))
        do {
            var command = try await Self.asyncParseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            var status = Self.exitCode(for: error)
            if status == .validationFailure { status = ExitStatus.invalidInput.exitCode }
            let message = Self.fullMessage(for: error)
            if !message.isEmpty {
                if status.isSuccess { print(message) } else { printError(message) }
            }
            Foundation.exit(status.rawValue)
        }
    }

    /// Subcommands whose `--deflate` takes optional parameters.
    static let commandsWithDeflateOption: Set<String> = ["check", "probe"]

    /// `--deflate` alone (next argument absent or another flag) becomes `--deflate=default`, so the flag can take
    /// optional RFC 7692 parameters as curl-style `--deflate=params`.
    static func normalizedArguments(_ arguments: [String]) -> [String] {
        guard let command = arguments.first, Self.commandsWithDeflateOption.contains(command) else {
            return arguments
        }
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                result.append(contentsOf: arguments[index...])
                break
            }
            if argument == "--deflate" {
                let next = index + 1 < arguments.count ? arguments[index + 1] : nil
                if next == nil || next?.hasPrefix("-") == true || next?.contains("://") == true {
                    result.append("--deflate=\(ConnectionOptions.bareDeflateValue)")
                    index += 1
                    continue
                }
            }
            result.append(argument)
            index += 1
        }
        return result
    }
}
