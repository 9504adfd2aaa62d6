import ArgumentParser
import Foundation
import LoadRunner
import NIOPosix
import Probes
import ResultCodes
import RunResults
import WSDeflate
import WSProtocol
import WSTransport

extension ProbeCommand {
    /// `wsprobe probe deflate [URL]`: which permessage-deflate offers survive the path, and what they save.
    struct Deflate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deflate",
            abstract: "Show which permessage-deflate offers survive the path to a WebSocket service.",
            discussion: """
                One connection per offer, each echoing --count messages of --size compressible text: the answer \
                (accepted with its parameters, declined, or failed with a stable code) and the wire bytes of the \
                echoes. --offer (repeatable, RFC 7692 parameters as for check --deflate) replaces the default \
                set: the bare offer, the browsers' client_max_window_bits, each parameter alone, and all of \
                them. With no URL, wsprobe probes its own echo target on loopback. \
                Exit status: 0 every offer got a valid answer, 1 an offer failed, 2 invalid input, 3 could not \
                start, 4 no offer was answered (every connection failed before the upgrade response).
                """
        )

        @Argument(help: "The ws:// or wss:// URL; omit it to probe the built-in echo target on loopback.")
        var url: String?

        @OptionGroup var connection: ConnectionOptions

        @Option(
            name: .customLong("offer"),
            help: ArgumentHelp("An offer to make instead of the default set (repeatable).", valueName: "params")
        )
        var offers: [String] = []

        @Option(help: "Echo messages per offer (1-100).")
        var count = 2

        @Option(help: "Payload size of each echo message (e.g. 4KiB).")
        var size = "4KiB"

        @Option(help: "How long to wait for each echo and the closing handshake.")
        var timeout = "5s"

        @OptionGroup var output: ProbeOutputOptions

        func run() async throws {
            do {
                let startedAt = Date()
                let details = try await self.probe()
                try self.output.emit(
                    RunResult(
                        probe: ProbeDetails(deflate: details),
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

        private func probe() async throws -> DeflateProbeDetails {
            guard let urlText = self.url else {
                return try await EmbeddedTarget.withEchoTarget { url in
                    var plan = try self.plan(url: url)
                    plan.targetNote = "wsprobe's built-in echo target on 127.0.0.1; no URL given"
                    return await DeflateProbeRun.run(plan, on: MultiThreadedEventLoopGroup.singleton)
                }
            }
            let url: WebSocketURL
            do {
                url = try WebSocketURL(parsing: urlText)
            } catch {
                throw CommandFailure(status: .invalidInput, code: error.code, message: error.description)
            }
            let plan = try self.plan(url: url)
            return await DeflateProbeRun.run(plan, on: MultiThreadedEventLoopGroup.singleton)
        }

        /// The plan with every option parsed.
        func plan(url: WebSocketURL) throws -> DeflateProbePlan {
            guard (1...100).contains(self.count) else {
                throw CommandFailure(
                    status: .invalidInput,
                    code: .usageCount,
                    message: "--count must be from 1 to 100."
                )
            }
            if self.connection.deflate != nil {
                throw CommandFailure(
                    status: .invalidInput,
                    code: .usageDeflate,
                    message: "probe deflate makes its own offers; give them with --offer, not --deflate."
                )
            }
            var plan = DeflateProbePlan(connect: try self.connection.connectOptions(url: url))
            if !self.offers.isEmpty {
                plan.offers = []
                for text in self.offers {
                    do {
                        plan.offers.append(try DeflateOffer(parsing: text))
                    } catch {
                        throw CommandFailure(status: .invalidInput, code: error.code, message: error.description)
                    }
                }
            }
            plan.payloadSize = try ConnectionOptions.byteCount(self.size, flag: "--size", minimum: 1)
            plan.echoCount = self.count
            plan.replyTimeout = try ConnectionOptions.timeAmount(self.timeout, flag: "--timeout")
            plan.insecure = self.connection.insecure
            return plan
        }
    }
}
