import ArgumentParser
import Foundation
import LoadRunner
import NIOCore
import NIOPosix
import Probes
import ResultCodes
import RunResults
import Scenario
import Synchronization
import WSProtocol
import WSTransport

/// `wsprobe probe …`: measurements of the path to a WebSocket service.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Measure properties of the path to a WebSocket service (idle timeout, deflate, highest rate).",
        subcommands: [Idle.self, Deflate.self, HighestRate.self]
    )

    /// `wsprobe probe idle [URL]`: the idle cutoff of the path, who closes and how, and which heartbeats help.
    struct Idle: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "idle",
            abstract: "Find the idle timeout of a WebSocket path and which heartbeats keep it open.",
            discussion: """
                Opens --parallel silent connections at once; the first one the peer closes gives the cutoff. \
                Then one connection per heartbeat mode beats every cutoff/3 and is held to 1.5 × the cutoff. \
                The whole probe takes about 2.5 cutoffs; progress goes to standard error as `run` shows it \
                (a status line on a terminal, a line every 5 s and at each batch start and end otherwise; \
                --quiet for none). With no URL, wsprobe probes its own echo target on loopback, started with \
                a 3 s idle close. \
                Exit status: 0 probe completed, 1 --expect-cutoff not met, 2 invalid input, 3 could not start, \
                4 nothing measured (no probe connection upgraded).
                """
        )

        /// The idle close of the embedded target probed when no URL is given.
        static let embeddedIdleClose = Duration.seconds(3)

        @Argument(help: "The ws:// or wss:// URL; omit it to probe the built-in echo target (3 s idle close).")
        var url: String?

        @OptionGroup var connection: ConnectionOptions

        @Option(help: "Longest time to hold a silent connection; no closure by then means no cutoff up to it.")
        var max = "120s"

        @Option(help: "Precision of the reported cutoff and step of the safe heartbeat interval.")
        var resolution = "1s"

        @Option(help: "Comma-separated modes to report: none, ping, pong, data.")
        var modes = "none,ping,pong,data"

        @Option(help: "Silent connections opened at once (1-64).")
        var parallel = 8

        @Option(
            name: .customLong("expect-cutoff"),
            help: "Expected cutoff, e.g. 50s±5s (tolerance defaults to --resolution)."
        )
        var expectCutoff: String?

        @OptionGroup var output: ProbeOutputOptions

        @Flag(help: "No live progress on standard error.")
        var quiet = false

        func validate() throws {
            guard (1...64).contains(self.parallel) else {
                throw ValidationError("--parallel must be from 1 to 64.")
            }
        }

        func run() async throws {
            do {
                let startedAt = Date()
                let details = try await self.probe()
                try self.output.emit(
                    RunResult(
                        probe: ProbeDetails(idle: details),
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

        private func probe() async throws -> IdleProbeDetails {
            var plan = try self.plan()
            guard let urlText = self.url else {
                return try await self.probeEmbedded(plan)
            }
            let url: WebSocketURL
            do {
                url = try WebSocketURL(parsing: urlText)
            } catch {
                throw CommandFailure(status: .invalidInput, code: error.code, message: error.description)
            }
            plan.connect = try self.connection.connectOptions(url: url)
            return try await self.run(plan)
        }

        /// The plan with every option parsed; the connect options are replaced once the URL is known.
        private func plan() throws -> IdleProbePlan {
            var plan = IdleProbePlan(connect: ConnectOptions(url: try WebSocketURL("ws://127.0.0.1/")))
            plan.maximum = try ConnectionOptions.timeAmount(self.max, flag: "--max")
            plan.resolution = try ConnectionOptions.timeAmount(self.resolution, flag: "--resolution")
            guard plan.maximum > .zero, plan.resolution > .zero else {
                throw CommandFailure(
                    status: .invalidInput,
                    code: .usageDuration,
                    message: "--max and --resolution must be positive."
                )
            }
            plan.parallel = self.parallel
            plan.modes = try self.modes.split(separator: ",").map { name in
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                guard let mode = IdleProbeMode(rawValue: trimmed) else {
                    throw CommandFailure(
                        status: .invalidInput,
                        code: .usageModes,
                        message: "--modes: '\(trimmed)' is not one of none, ping, pong, data."
                    )
                }
                return mode
            }
            if let text = self.expectCutoff {
                do {
                    plan.expectation = try IdleProbeExpectation.parse(
                        text,
                        defaultToleranceSeconds: Double(plan.resolution.nanoseconds) / 1e9
                    )
                } catch {
                    throw CommandFailure(
                        status: .invalidInput,
                        code: .usageExpectCutoff,
                        message: "--expect-cutoff '\(text)': \(error)"
                    )
                }
            }
            return plan
        }

        private func run(_ plan: IdleProbePlan) async throws -> IdleProbeDetails {
            let printer = Mutex(IdleProbeProgressPrinter(mode: .standardError(quiet: self.quiet)))
            do {
                return try await IdleProbeRun.run(plan, on: MultiThreadedEventLoopGroup.singleton) { progress in
                    guard let text = printer.withLock({ $0.text(for: progress) }) else { return }
                    writeStandardError(text)
                }
            } catch let error as IdleProbeError {
                // No probe connection upgraded: the probe measured nothing (verdict error), not a setup failure.
                let status: ExitStatus = error.code == IdleProbeError.noConnection ? .nothingMeasured : .couldNotStart
                throw CommandFailure(status: status, code: error.code, message: error.message)
            }
        }

        /// Starts the echo target with a 3 s idle close on 127.0.0.1 and probes it.
        private func probeEmbedded(_ base: IdleProbePlan) async throws -> IdleProbeDetails {
            var configuration = EchoServerConfiguration(identity: "embedded")
            configuration.misbehaviour.idleClose = Self.embeddedIdleClose
            let server: EchoServer
            do {
                server = try await EchoServer.start(
                    configuration: configuration,
                    group: MultiThreadedEventLoopGroup.singleton
                ).get()
            } catch {
                throw CommandFailure(
                    status: .couldNotStart,
                    code: .embeddedStart,
                    message: "The built-in echo target could not start on 127.0.0.1: \(error)"
                )
            }
            var plan = base
            do {
                plan.connect = try self.connection.connectOptions(
                    url: try WebSocketURL("ws://127.0.0.1:\(server.port)/")
                )
                plan.targetNote =
                    "wsprobe's built-in echo target on 127.0.0.1, started with a 3 s idle close"
                    + " (no URL given); expect a cutoff of about 3 s"
                let result = try await self.run(plan)
                try? await server.stop().get()
                return result
            } catch {
                try? await server.stop().get()
                throw error
            }
        }
    }
}
