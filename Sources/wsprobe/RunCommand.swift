import ALBEmulator
import ArgumentParser
import Dispatch
import Foundation
import LoadRunner
import NIOCore
import NIOPosix
import Probes
import Reports
import ResultCodes
import RunResults
import Scenario
import WSProtocol
import WSTransport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `wsprobe run SCENARIO`: runs a load scenario and writes its result (the engine lives in `LoadRunner`).
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a load scenario: connections, messages, latencies, thresholds.",
        discussion: """
            With no target URL in the scenario and no --url, wsprobe starts its own echo target on loopback, or, \
            with target.embedded, its targets behind a small ALB emulation (rules, weights, idle timeout, events). \
            Flags win over scenario values. Exit status: 0 passed, 1 thresholds failed, 2 invalid scenario, \
            3 could not start, 4 nothing measured (no connection upgraded: verdict error, whatever the \
            thresholds), 130 interrupted (the result is still written).
            """
    )

    @OptionGroup var target: ScenarioOptions

    @Option(
        help:
            "Folder for report.json and its views (default: the scenario's output.dir, else reports/<scenario>/<UTC timestamp>/)."
    )
    var out: String?

    @Flag(help: "No live progress.")
    var quiet = false

    @Option(help: ArgumentHelp("Run the i-th of N shares of the scenario, e.g. 0/4.", valueName: "i/N"))
    var shard: String?

    @Option(help: "Run length, instead of the scenario's (e.g. 30s).")
    var duration: String?

    @Option(
        name: .customLong("in-flight"),
        help: "Without a message rate: echoes each connection may have outstanding (send/expect pipelined)."
    )
    var inFlight: Int?

    func run() async throws {
        do {
            let result = try await self.execute()
            if result.interrupted { throw ExitStatus.interrupted.exitCode }
            let status = ExitStatus(verdict: result.verdict)
            if status != .passed { throw status.exitCode }
        } catch let failure as CommandFailure {
            printError(failure.description)
            throw failure.status.exitCode
        }
    }

    /// Runs the scenario and writes its reports; the result decides the exit status.
    private func execute() async throws -> RunResult {
        let scenario = try self.target.load()
        let shard = try self.parsedShard()
        let duration = try self.duration.map { text throws(CommandFailure) -> Duration in
            do {
                return try Duration.parseHuman(text)
            } catch {
                throw CommandFailure(status: .invalidInput, code: .usageDuration, message: "--duration: \(error)")
            }
        }
        let folder = try RunOutput.prepare(
            self.out ?? scenario.output.directory.map(scenario.resolvePath),
            scenario: scenario.name
        )
        return try await self.target.withTarget(scenario) { scenario, url, alb in
            try await self.run(scenario, url: url, shard: shard, duration: duration, folder: folder, alb: alb)
        }
    }

    private func parsedShard() throws(CommandFailure) -> Shard {
        guard let text = self.shard else { return .whole }
        do {
            return try Shard(parsing: text)
        } catch {
            throw CommandFailure(status: .invalidInput, code: error.code, message: error.description)
        }
    }

    private func run(
        _ scenario: Scenario,
        url: WebSocketURL,
        shard: Shard,
        duration: Duration?,
        folder: URL,
        alb: EmbeddedALB? = nil
    ) async throws -> RunResult {
        let plan: RunPlan
        do {
            plan = try RunPlan(
                scenario: scenario,
                url: url,
                shard: shard,
                duration: duration,
                inFlight: self.inFlight
            )
        } catch {
            throw CommandFailure(
                status: error.kind == .invalid ? .invalidInput : .couldNotStart,
                code: error.code,
                message: error.message
            )
        }
        let embedded = self.target.url == nil && scenario.target.url == nil
        try RunOutput.checkFileLimit(
            FileLimit.raise(),
            plan: plan,
            descriptorsPerConnection: alb != nil ? 4 : embedded ? 2 : 1
        )
        let stop = StopSignal()
        let signals = InterruptSignals(stop: stop)
        defer { signals.cancel() }
        let progress = ProgressMode.standardError(quiet: self.quiet)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
        defer { group.shutdownGracefully { _ in } }
        // Routing matrix and weight check first (docs/scenarios.md#routes): their checks join the run's.
        let routing = await RoutingRun.run(
            routes: scenario.routes,
            weights: scenario.weights,
            identity: scenario.identity,
            base: plan.connect,
            on: group
        )
        let coordinator = Coordinator(plan: plan, progress: progress, stop: stop, target: url.text)
        // The embedded ALB's events (drain, stop, start) count from the start of the load phase.
        let events = alb.map { alb in Task { await alb.runEvents() } }
        let outcome: RunOutcome
        do {
            outcome = try await coordinator.run(on: group)
        } catch {
            events?.cancel()
            throw CommandFailure(status: .couldNotStart, code: .runStart, message: "\(error)")
        }
        events?.cancel()
        let fired = await events?.value ?? []
        var result = outcome.runResult(
            commandLine: CommandLine.arguments,
            toolVersion: WSProbeVersion.current,
            scenario: scenario.document
        )
        routing.apply(to: &result)
        let file = folder.appendingPathComponent("report.json")
        do {
            let formats = scenario.output.formats
            try ReportBundle.write(result, to: folder, html: formats.contains(.html), junit: formats.contains(.junit))
        } catch {
            throw CommandFailure(
                status: .couldNotStart,
                code: .outputWrite,
                message: "cannot write the reports into \(folder.path): \(error)"
            )
        }
        if scenario.output.formats.contains(.console) {
            print(ConsoleSummary(colors: ReportOutput.colors).render(result), terminator: "")
        }
        if let engine = EngineSummary.text(result) { print(engine) }
        for line in fired.map(RunOutput.eventLine) { print(line) }
        print("result: \(file.path)")
        return result
    }
}
