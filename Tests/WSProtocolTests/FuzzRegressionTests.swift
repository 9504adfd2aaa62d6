import Foundation
import Testing
import WSFuzzHarness

/// Replays the inputs that once crashed a fuzz target (`scripts/fuzz.sh`) through the same code path.
///
/// The harness checks its invariants with `precondition`, so a bug that comes back crashes this test
/// process, which fails the run.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("FuzzRegressions")

    /// Every committed input as (target folder, file name).
    static var inputs: [FuzzRegression] {
        let manager = FileManager.default
        let folders = (try? manager.contentsOfDirectory(atPath: Self.directory.path)) ?? []
        return folders.sorted().flatMap { folder -> [FuzzRegression] in
            let path = Self.directory.appendingPathComponent(folder).path
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return []
            }
            let files = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            return files.sorted().map { FuzzRegression(folder: folder, file: $0) }
        }
    }

    @Test("every regression folder names a fuzz target, so no input is skipped")
    func foldersNameTargets() throws {
        let entries = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
        #expect(entries.contains("README.md"))
        for folder in Set(Self.inputs.map(\.folder)) {
            #expect(FuzzTarget(rawValue: folder) != nil, "unknown fuzz target folder \(folder)")
        }
    }

    @Test(
        "the seed inputs and every committed crash input of each fuzz target run without a crash",
        arguments: FuzzTarget.allCases
    )
    func replay(_ target: FuzzTarget) throws {
        let seeds = target.seeds
        #expect(seeds.count >= 3)
        for seed in seeds {
            target.run(seed)
        }
        // Committed crash inputs for this target (none yet: the fuzzer has found no crash so far).
        for input in Self.inputs where input.folder == target.rawValue {
            let url = Self.directory.appendingPathComponent(input.folder).appendingPathComponent(input.file)
            let bytes = try [UInt8](Data(contentsOf: url))
            try #require(!bytes.isEmpty, "empty regression input \(input.testDescription)")
            target.run(bytes)
        }
    }
}

/// One committed crash input.
struct FuzzRegression: Sendable, CustomTestStringConvertible {
    var folder: String
    var file: String

    var testDescription: String { "\(self.folder)/\(self.file)" }
}
