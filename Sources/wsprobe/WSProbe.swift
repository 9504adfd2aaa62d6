import ArgumentParser

/// The root command: verifies WebSocket connectivity through load balancers and load-tests WebSocket services.
@main
struct WSProbe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wsprobe",
        abstract: "Verify WebSocket connectivity through application load balancers and load-test WebSocket services.",
        version: WSProbeVersion.current,
        subcommands: [ValidateCommand.self, ALBCommand.self, ServeCommand.self]
    )
}
