import ArgumentParser
import Foundation
import LoadRunner
import NIOPosix
import Probes
import Reports
import ResultCodes
import RunResults
import WSProtocol
import WSTransport

/// `wsprobe check [URL]`: one connection with every phase timed, echo round trips, a close, and a diagnosis.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that a WebSocket upgrade works end to end, timing every phase and diagnosing failures.",
        discussion: """
            With no URL, wsprobe starts its own echo target on a loopback port and checks that. \
            Exit status: 0 passed, 1 the check failed, 2 invalid input, 3 could not start.
            """
    )

    @Argument(help: "The ws:// or wss:// URL; omit it to check the built-in echo target on loopback.")
    var url: String?

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Echo round trips to make after the upgrade.")
    var count = 3

    @Option(help: "Payload size of each echo message (e.g. 16, 64KiB).")
    var size = "16"

    @Flag(help: "Send binary messages instead of text.")
    var binary = false

    @Flag(
        help: ArgumentHelp(
            "With no URL: serve the built-in target over TLS (wss://) with a throwaway CA that only this check trusts."
        )
    )
    var tls = false

    @Flag(help: "Send a ping after the echoes and time the pong.")
    var ping = false

    @Option(help: "How long to wait for each echo, the pong and the closing handshake.")
    var timeout = "5s"

    @Flag(help: "Print the result as JSON instead of text.")
    var json = false

    @Flag(name: .customLong("brief"), help: "Print only the verdict and the phase lines.")
    var brief = false

    @Option(help: ArgumentHelp("Also write report.json, report.html and junit.xml into this folder.", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Also write a JUnit XML file (one test case per phase) for CI.", valueName: "file"))
    var junit: String?

    func validate() throws {
        guard (0...10_000).contains(self.count) else {
            throw ValidationError("--count must be from 0 to 10000.")
        }
        if self.tls, self.url != nil {
            throw ValidationError("--tls serves the built-in target over TLS; with a URL, give it as wss://.")
        }
    }

    func run() async throws {
        do {
            let startedAt = Date()
            let recorded = try await self.check()
            let result = recorded.runResult(
                commandLine: CommandLine.arguments,
                toolVersion: WSProbeVersion.current,
                startedAt: startedAt,
                endedAt: Date(),
                target: self.url == nil ? Self.builtInTargetName(tls: self.tls) : nil
            )
            if self.json {
                print(String(decoding: try result.jsonData(), as: UTF8.self), terminator: "")
            } else {
                print(CheckConsoleText.render(result, verbose: !self.brief))
            }
            try self.writeReports(result)
            if result.verdict != .passed {
                throw ExitCode(ExitStatus.failed.rawValue)
            }
        } catch let failure as CommandFailure {
            printError(failure.description)
            throw failure.status.exitCode
        }
    }

    /// Writes the requested report files: every format is a view of the check's `RunResult`, the same one
    /// `--json` prints.
    private func writeReports(_ result: RunResult) throws {
        guard self.out != nil || self.junit != nil else { return }
        do {
            if let out = self.out {
                let files = try ReportBundle.write(result, to: URL(fileURLWithPath: out))
                printError("reports: \(files.map(\.path).joined(separator: ", "))")
            }
            if let junit = self.junit {
                try JUnitReportWriter().write(result, to: URL(fileURLWithPath: junit))
            }
        } catch {
            throw CommandFailure(
                status: .couldNotStart,
                code: .outputWrite,
                message: "Could not write the reports: \(error)"
            )
        }
    }

    /// How check names identify the built-in target: without its ephemeral port, so a CI system tracks the
    /// same test case from run to run.
    static func builtInTargetName(tls: Bool) -> String {
        tls ? "built-in echo target (wss)" : "built-in echo target"
    }

    private func check() async throws -> CheckRecorder {
        let size = try ConnectionOptions.byteCount(self.size, flag: "--size")
        guard let urlText = self.url else {
            guard self.tls else {
                return try await EmbeddedTarget.withEchoTarget { url in
                    try await self.check(url: url, payloadSize: size)
                }
            }
            let files = try EphemeralTLSFiles(hostNames: ["localhost"])
            defer { files.remove() }
            var connection = self.connection
            connection.cacert = files.authorityFile
            return try await EmbeddedTarget.withEchoTarget(tls: files.server) { url in
                try await self.check(url: url, payloadSize: size, connection: connection, serverName: "localhost")
            }
        }
        let url: WebSocketURL
        do {
            url = try WebSocketURL(parsing: urlText)
        } catch {
            throw CommandFailure(status: .invalidInput, code: error.code, message: error.description)
        }
        return try await self.check(url: url, payloadSize: size)
    }

    private func check(
        url: WebSocketURL,
        payloadSize: Int,
        connection: ConnectionOptions? = nil,
        serverName: String? = nil
    ) async throws -> CheckRecorder {
        var connect = try (connection ?? self.connection).connectOptions(url: url)
        if let serverName { connect.serverName = serverName }
        var plan = CheckPlan(connect: connect)
        plan.echoCount = self.count
        plan.payloadSize = payloadSize
        plan.binary = self.binary
        plan.ping = self.ping
        plan.insecure = self.connection.insecure
        plan.replyTimeout = try ConnectionOptions.timeAmount(self.timeout, flag: "--timeout")
        return await CheckRun.run(plan, on: MultiThreadedEventLoopGroup.singleton)
    }
}
