import ArgumentParser
import Foundation
import LoadRunner
import NIOCore
import NIOPosix
import ResultCodes
import RunResults
import Scenario
import WSProtocol
import WSTransport

extension ProbeCommand {
    /// `wsprobe probe rate SCENARIO`: the highest message rate at which the scenario's thresholds still pass.
    struct HighestRate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rate",
            abstract: "Find the highest message rate at which a scenario's thresholds still pass.",
            discussion: """
                Runs the scenario for --step at --from messages per second (its load.messages.rate, in total \
                or per connection as the scenario says), doubles the rate until a step fails its thresholds \
                (e.g. p99(message_rtt) < 5ms) or --to passes, then bisects until the highest passing and the \
                lowest failing rate are within --precision. Each step is a whole run: connections open, \
                messages are paced open-loop (latency from the intended send time), connections close. A step \
                warms up until all its connections are open and the rate has run one second on them, then \
                measures for --step; its message figures and thresholds are those of that window. With no \
                URL in the scenario and no --url, wsprobe runs against its own echo target on loopback (or, with \
                target.embedded, its ALB emulation without the timed events). \
                A step that measured nothing (no connection upgraded, no message came back) never passes. \
                Exit status: 0 a rate passed, 1 even --from failed, 2 invalid input, 3 could not start, 4 no \
                step measured anything, 130 interrupted (the steps so far are printed).
                """
        )

        /// The scenario needs `load.messages.rate` and thresholds.
        @OptionGroup var target: ScenarioOptions

        @Option(help: "The first rate tried.")
        var from = "100/s"

        @Option(help: "The highest rate tried.")
        var to = "1000000/s"

        @Option(help: "How long each step measures, after its warm-up.")
        var step = "10s"

        @Option(help: "Stop when the lowest failing rate is within this of the highest passing one.")
        var precision = "10%"

        @Option(name: .customLong("max-steps"), help: "The most steps run (1-50).")
        var maxSteps = 20

        @OptionGroup var output: ProbeOutputOptions

        func run() async throws {
            do {
                let startedAt = Date()
                let details = try await self.search()
                try self.output.emit(
                    RunResult(
                        probe: ProbeDetails(rate: details),
                        commandLine: CommandLine.arguments,
                        toolVersion: WSProbeVersion.current,
                        startedAt: startedAt,
                        endedAt: Date()
                    )
                )
            } catch let failure as CommandFailure {
                printError(failure.description)
                throw failure.status.exitCode
            }
        }

        private func search() async throws -> RateSearchDetails {
            let scenario = try self.target.load()
            guard scenario.load.messages != nil else {
                throw Self.usage(
                    .rateNoMessages,
                    "the scenario has no load.messages.rate to search; add one, e.g. load.messages.rate: 100/s"
                )
            }
            guard !scenario.thresholds.isEmpty else {
                throw Self.usage(.rateNoThresholds, "the scenario has no thresholds: they decide which rates pass")
            }
            let search = try self.rateSearch()
            let stepDuration: Duration
            do {
                stepDuration = try Duration.parseHuman(self.step)
            } catch {
                throw Self.usage(.usageDuration, "--step: \(error)")
            }
            guard stepDuration >= .seconds(1) else { throw Self.usage(.usageDuration, "--step must be at least 1s.") }
            // Through an ALB emulation its timed events are not replayed: each step is a run of its own.
            return try await self.target.withTarget(scenario) { scenario, url, _ in
                try await self.run(scenario, url: url, search: search, stepDuration: stepDuration)
            }
        }

        private func run(
            _ scenario: Scenario,
            url: WebSocketURL,
            search: RateSearch,
            stepDuration: Duration
        ) async throws -> RateSearchDetails {
            let stop = StopSignal()
            let signals = InterruptSignals(stop: stop)
            defer { signals.cancel() }
            let group = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
            defer { group.shutdownGracefully { _ in } }
            do {
                return try await RateSearchRun.run(
                    scenario: scenario,
                    url: url,
                    search: search,
                    stepDuration: stepDuration,
                    stop: stop,
                    on: group
                ) { step in
                    if !self.output.json { printError("step: \(step.rate)/s \(step.passed ? "passed" : "failed")") }
                }
            } catch let error as RunPlanError {
                throw CommandFailure(
                    status: error.kind == .invalid ? .invalidInput : .couldNotStart,
                    code: error.code,
                    message: error.message
                )
            } catch {
                throw CommandFailure(status: .couldNotStart, code: .runStart, message: "\(error)")
            }
        }

        /// The search with --from, --to, --precision and --max-steps parsed.
        private func rateSearch() throws -> RateSearch {
            func rate(_ text: String, flag: String) throws -> Int {
                do {
                    let value = try Rate.parse(text).perSecond.rounded()
                    guard value >= 1 else { throw Self.usage(.usageRate, "\(flag) must be at least 1/s.") }
                    return Int(value)
                } catch let error as UnitError {
                    throw Self.usage(.usageRate, "\(flag): \(error)")
                }
            }
            let from = try rate(self.from, flag: "--from")
            let to = try rate(self.to, flag: "--to")
            guard to >= from else { throw Self.usage(.usageRate, "--to must not be below --from.") }
            let precision: Double
            do {
                precision = try Percentage.parse(self.precision).fraction
            } catch {
                throw Self.usage(.usagePrecision, "--precision: \(error)")
            }
            guard precision > 0 else { throw Self.usage(.usagePrecision, "--precision must be above 0%.") }
            guard (1...50).contains(self.maxSteps) else {
                throw Self.usage(.usageMaxSteps, "--max-steps must be from 1 to 50.")
            }
            return RateSearch(from: from, to: to, precision: precision, maxSteps: self.maxSteps)
        }

        private static func usage(_ code: ErrorCode, _ message: String) -> CommandFailure {
            CommandFailure(status: .invalidInput, code: code, message: message)
        }
    }
}
