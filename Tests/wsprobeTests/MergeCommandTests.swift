import Foundation
import TestSupport
import Testing

/// `wsprobe merge` through the built binary: only shards of one run merge, and a merge says what it merged.
@Suite("wsprobe merge refuses what is not one run and reports what it merged", .serialized)
struct MergeCommandTests {
    static let smoke = RunCommandTests.scenarioPath("smoke")

    /// Runs `wsprobe run smoke.yaml` with `extra` into a new folder and returns its report.json path.
    static func run(_ folder: URL, _ name: String, _ extra: [String]) async throws -> String {
        let out = folder.appendingPathComponent(name)
        let run = try await WSProbeBinary.run(
            ["run", Self.smoke, "--quiet", "--out", out.path, "--set", "load.connections=6"] + extra
        )
        #expect(run.status == 0, "\(run.standardError)")
        return out.appendingPathComponent("report.json").path
    }

    /// Runs `wsprobe check` against the built-in echo target into a new folder and returns its report.json path.
    static func check(_ folder: URL, _ name: String, _ extra: [String]) async throws -> String {
        let out = folder.appendingPathComponent(name)
        let run = try await WSProbeBinary.run(["check", "--out", out.path] + extra)
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        return out.appendingPathComponent("report.json").path
    }

    static func merge(_ folder: URL, _ inputs: [String]) async throws -> WSProbeBinary.Run {
        try await WSProbeBinary.run(
            ["merge"] + inputs + ["-o", folder.appendingPathComponent("merged/report.json").path]
        )
    }

    @Test("two checks of different lengths are not shards of one run: exit 2, merge.not-a-shard, nothing written")
    func checksAreNotShards() async throws {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try await Self.check(folder, "a", [])
        let second = try await Self.check(folder, "b", ["--count", "8", "--ping"])
        let merged = try await Self.merge(folder, [first, second])
        #expect(merged.status == 2, "\(merged.standardOutput)")
        #expect(
            merged.standardError.contains("error[merge.not-a-shard]: input 1 is a whole run"),
            "\(merged.standardError)"
        )
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("merged/report.json").path))
    }

    @Test(
        "shards of runs with other lengths or shard counts are refused with exit 2 and their own code",
        arguments: [
            (
                ["--shard", "0/2", "--duration", "5s"], ["--shard", "1/2", "--duration", "6s"],
                "merge.duration-mismatch"
            ),
            (["--shard", "0/2"], ["--shard", "1/3"], "merge.shard-count-mismatch"),
            (["--shard", "1/2"], ["--shard", "1/2"], "merge.duplicate-shard"),
            (["--shard", "0/2"], [], "merge.not-a-shard"),
        ] as [([String], [String], String)]
    )
    func refused(first: [String], second: [String], code: String) async throws {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = [try await Self.run(folder, "a", first), try await Self.run(folder, "b", second)]
        let merged = try await Self.merge(folder, inputs)
        #expect(merged.status == 2, "\(merged.standardOutput)")
        #expect(merged.standardError.contains("error[\(code)]"), "\(merged.standardError)")
        #expect(merged.standardOutput.isEmpty)
    }

    @Test("a merge of the shards of one run prints one line per input and the merged verdict; a gap is warned")
    func summaryLines() async throws {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try await Self.run(folder, "a", ["--shard", "0/3", "--duration", "5s"])
        let second = try await Self.run(folder, "b", ["--shard", "2/3", "--duration", "5s"])
        let merged = try await Self.merge(folder, [first, second])
        #expect(merged.status == 0, "\(merged.standardError)")
        let lines = merged.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(merged.standardOutput)")
        #expect(lines.first?.hasPrefix("merged \(first): shard 0/3 of 'smoke', passed, ") == true, "\(lines)")
        #expect(lines.dropFirst().first?.hasPrefix("merged \(second): shard 2/3 of 'smoke', passed, ") == true)
        #expect(lines.last?.hasPrefix("merge: 2 shards of 'smoke' → ") == true)
        #expect(lines.last?.hasSuffix(": PASSED") == true)
        #expect(merged.standardError.contains("warning: 2 of 3 shards were given"), "\(merged.standardError)")
    }
}
