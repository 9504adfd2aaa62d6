import ArgumentParser
import Foundation
import Scenario
import TestSupport
import Testing
import WSProtocol

@testable import wsprobe

/// Seeded, bounded generated inputs (`GeneratedInputs`) thrown at the command-line and scenario parsers:
/// in process for the bulk, through the built binary under a memory limit for a sample. Invalid input must
/// end with status 2 and valid input parse: never a trap, never unbounded memory.
@Suite("generated inputs: no trap, exit 0 or 2, bounded memory")
struct GeneratedInputTests {
    /// Change the seed to explore; a failure message names the arguments, so it reproduces with this seed.
    static let seed: UInt64 = 0x5EED_2026_0009
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let scenario = repository.appendingPathComponent("scenarios/smoke.yaml").path
    static let examples: [String] = ["smoke", "echo-load", "arrival-rate", "alb-routing", "tls", "deflate"].compactMap {
        try? String(contentsOf: repository.appendingPathComponent("scenarios/\($0).yaml"), encoding: .utf8)
    }
    /// The address-space limit of a binary run: far above what any valid input needs (about 100MB), far
    /// below what an unbounded expansion reaches in the time limit.
    static let memoryLimitKiB = 1_048_576

    @Test("400 random command lines parse, or are refused with ArgumentParser's usage error or status 2")
    func commandLinesInProcess() {
        var inputs = GeneratedInputs(seed: Self.seed)
        let commands = GeneratedInputs.commands(scenario: Self.scenario)
        var accepted = 0
        for _ in 0..<400 {
            let command = inputs.pick(commands)
            let arguments = inputs.arguments(for: command, forceInvalid: inputs.chance(0.3))
            do {
                let parsed = try WSProbe.parseAsRoot(WSProbe.normalizedArguments(arguments))
                try Self.parseValues(of: parsed)
                accepted += 1
            } catch let failure as CommandFailure {
                #expect(failure.status == .invalidInput, "\(arguments): \(failure)")
            } catch {
                #expect(WSProbe.exitCode(for: error) == .validationFailure, "\(arguments): \(error)")
            }
        }
        #expect((40...360).contains(accepted), "a useful mix of valid and invalid command lines: \(accepted) accepted")
    }

    @Test("300 random scenario documents and --set values load or give positioned errors, within the limits")
    func scenariosInProcess() {
        var inputs = GeneratedInputs(seed: Self.seed &+ 1)
        let clock = ContinuousClock()
        var valid = 0
        for _ in 0..<300 {
            let document = inputs.document(examples: Self.examples)
            let overrides = inputs.chance(0.3) ? [inputs.override()] : []
            let start = clock.now
            let result = ScenarioLoader(overrides: overrides).load(yaml: document, file: "generated.yaml")
            #expect(clock.now - start < .seconds(5), "slow: \(overrides) \(document.prefix(300))")
            let errors = result.diagnostics.filter { $0.severity == .error }
            #expect((result.scenario == nil) == !errors.isEmpty, "\(document.prefix(300))")
            #expect(result.diagnostics.allSatisfy { $0.line >= 1 && $0.column >= 1 }, "\(result.diagnostics)")
            if result.scenario != nil { valid += 1 }
        }
        #expect((10...290).contains(valid), "a useful mix of valid and invalid scenarios: \(valid) valid")
    }

    @Test("value parsers refuse hostile text with errors, never a trap")
    func unitParsers() {
        var inputs = GeneratedInputs(seed: Self.seed &+ 2)
        for _ in 0..<500 {
            let text = inputs.chance(0.5) ? inputs.hostileText() : inputs.scalar()
            _ = try? Duration.parseHuman(text)
            _ = try? Rate.parse(text)
            _ = try? ByteSize.parse(text)
            _ = try? Percentage.parse(text)
            _ = try? WebSocketURL(text)
            if let bytes = try? ConnectionOptions.byteCount(text, flag: "--size") {
                #expect((0...ByteSize.payloadMaximum).contains(bytes), "\(text)")
            }
        }
    }

    @Test("40 generated runs of the built binary under a 1GiB memory limit end with 0 or 2, no signal")
    func binarySample() async throws {
        var inputs = GeneratedInputs(seed: Self.seed &+ 3)
        let commands = GeneratedInputs.commands(scenario: Self.scenario)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsprobe-gen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for index in 0..<40 {
            var arguments: [String]
            if index % 2 == 0 {
                // A generated scenario file, sometimes an alias bomb, with random --set values: exit 0 or 2.
                let file = folder.appendingPathComponent("generated-\(index).yaml")
                try Data(inputs.document(examples: Self.examples).utf8).write(to: file)
                arguments = ["validate", file.path]
                if inputs.chance(0.5) { arguments += ["--set", inputs.override()] }
            } else {
                // Random flags with at least one invalid value: refused with 2 before anything is opened.
                arguments = inputs.arguments(for: inputs.pick(commands), forceInvalid: true)
            }
            let run = try await Self.runLimited(arguments, in: folder)
            #expect(
                run.status == 0 || run.status == 2,
                "\(arguments) ended with \(run.status): \(run.error.prefix(400))"
            )
            if index % 2 == 1 {
                #expect(run.status == 2, "\(arguments) has an invalid value: \(run.outputText.prefix(400))")
            }
        }
    }

    /// Runs the binary through `/bin/sh` with `ulimit -v`, in `folder` (a run that wrongly got going writes
    /// its reports there, not in the repository).
    static func runLimited(_ arguments: [String], in folder: URL) async throws -> ChildProcess.Captured {
        let script = "ulimit -v \(Self.memoryLimitKiB) && exec \"$0\" \"$@\""
        return try await ChildProcess.run(
            "/bin/sh",
            ["-c", script, WSProbeBinary.path] + arguments,
            environment: ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 },
            currentDirectory: folder.path,
            timeout: .seconds(30)
        )
    }

    /// Parses the values a parsed command would parse when it runs, without opening anything.
    static func parseValues(of command: any ParsableCommand) throws {
        let url = try WebSocketURL("ws://127.0.0.1:9/")
        switch command {
        case let check as CheckCommand:
            _ = try ConnectionOptions.byteCount(check.size, flag: "--size")
            _ = try ConnectionOptions.timeAmount(check.timeout, flag: "--timeout")
            _ = try check.connection.connectOptions(url: url)
        case let deflate as ProbeCommand.Deflate:
            _ = try ConnectionOptions.byteCount(deflate.size, flag: "--size", minimum: 1)
            _ = try ConnectionOptions.timeAmount(deflate.timeout, flag: "--timeout")
            _ = try deflate.connection.connectOptions(url: url)
        case let idle as ProbeCommand.Idle:
            _ = try ConnectionOptions.timeAmount(idle.max, flag: "--max")
            _ = try ConnectionOptions.timeAmount(idle.resolution, flag: "--resolution")
            _ = try idle.connection.connectOptions(url: url)
        case let run as RunCommand:
            let loaded = ScenarioLoader(overrides: run.target.overrides).load(contentsOfFile: run.target.scenario)
            if loaded.scenario == nil {
                throw CommandFailure(status: .invalidInput, code: "scenario.invalid", message: "")
            }
            if let duration = run.duration { _ = try ConnectionOptions.timeAmount(duration, flag: "--duration") }
        case let serve as ServeCommand:
            _ = try serve.makeConfiguration()
        default:
            break
        }
    }
}
