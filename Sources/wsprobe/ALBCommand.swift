import ArgumentParser

/// `wsprobe alb …`: IONOS application load balancer configuration tools.
struct ALBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alb",
        abstract: "Check IONOS application load balancer configurations for WebSocket hazards.",
        subcommands: [ALBLintCommand.self, ALBScenarioCommand.self]
    )
}
