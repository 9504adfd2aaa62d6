import Foundation
import TestSupport
import Testing

/// Files a command reads whole are refused past a size limit with a clear code, before they are held in memory:
/// a sparse file of several hundred MiB (or `/dev/zero`) must not make `report`, `merge`, `compare` or
/// `alb lint` allocate it.
@Suite("oversized input files")
struct OversizedInputTests {
    /// A sparse file of `bytes` (no disk used) in a fresh folder.
    static func sparseFile(bytes: UInt64, name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsprobe-big-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: bytes)
        try handle.close()
        return url
    }

    @Test("report, merge and compare refuse a result file over 256 MiB with result.too-large, exit 2")
    func resultFiles() async throws {
        let big = try Self.sparseFile(bytes: 300 << 20, name: "report.json")
        defer { try? FileManager.default.removeItem(at: big.deletingLastPathComponent()) }
        for arguments in [
            ["report", big.path],
            [
                "merge", big.path, big.path, "--output",
                big.deletingLastPathComponent().appendingPathComponent("merged").path,
            ], ["compare", big.path, big.path],
        ] {
            let run = try await WSProbeBinary.run(arguments)
            #expect(run.status == 2, "\(arguments): \(run.standardError)")
            #expect(run.standardError.contains("error[result.too-large]"), "\(arguments): \(run.standardError)")
        }
        let endless = try await WSProbeBinary.run(["report", "/dev/zero"])
        #expect(endless.status == 2, "\(endless.standardError)")
        #expect(endless.standardError.contains("error[result.too-large]"), "\(endless.standardError)")
    }

    @Test("alb lint refuses a configuration file over 64 MiB")
    func albConfiguration() async throws {
        let big = try Self.sparseFile(bytes: 65 << 20, name: "alb.json")
        defer { try? FileManager.default.removeItem(at: big.deletingLastPathComponent()) }
        let run = try await WSProbeBinary.run(["alb", "lint", big.path])
        #expect(run.status == 2, "\(run.standardError)")
        #expect(run.standardError.contains("larger than 64 MiB"), "\(run.standardError)")
    }
}
