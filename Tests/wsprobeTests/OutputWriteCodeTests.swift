import Foundation
import TestSupport
import Testing

/// A report file that cannot be written ends every command the same way: `error[output.write]`, exit 3
/// (`check --junit` once said `report.write`, `report --junit` `report.unwritable`).
@Suite("unwritable report files")
struct OutputWriteCodeTests {
    /// A path under a regular file, so no directory can be made for it.
    static let unwritable = "/dev/null/wsprobe/junit.xml"

    @Test("check and report end with error[output.write] and status 3 when a report cannot be written")
    func outputWrite() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsprobe-write-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try await WSProbeBinary.run(["check", "--brief", "--out", folder.path])
        #expect(written.status == 0, "\(written.standardOutput)\(written.standardError)")

        let check = try await WSProbeBinary.run(["check", "--brief", "--junit", Self.unwritable])
        #expect(check.status == 3, "\(check.standardError)")
        #expect(
            check.standardError.contains("error[output.write]: Could not write the reports"),
            "\(check.standardError)"
        )

        let report = folder.appendingPathComponent("report.json").path
        let rendered = try await WSProbeBinary.run(["report", report, "--junit", Self.unwritable])
        #expect(rendered.status == 3, "\(rendered.standardError)")
        #expect(
            rendered.standardError.contains("error[output.write]: cannot write the report"),
            "\(rendered.standardError)"
        )
    }
}
