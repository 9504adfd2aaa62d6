import ALBConfig
import Testing

/// Files that share resource IDs are each linted; the clash is a finding naming both files.
struct DuplicateIDTests {
    /// The rule fixtures whose finding is an error, with the companion target groups.
    static let errorCases = LintRuleFixtureTests.cases.filter { $0.severity == .error }

    @Test("every error fixture keeps its error when all are linted together, although they share their IDs")
    func errorFixturesTogether() throws {
        var files: [String] = []
        for file in Self.errorCases.flatMap(\.files) where !files.contains(file) { files.append(file) }
        let findings = try Fixtures.lint(files, options: LintOptions(heartbeatMilliseconds: 30_000))
        #expect(Self.errorCases.count >= 11)
        for testCase in Self.errorCases {
            let file = testCase.files[0]
            #expect(
                findings.contains { $0.rule == testCase.rule && $0.severity == .error && $0.location.file == file },
                "\(testCase.rule.rawValue) missing from \(file)"
            )
        }
        #expect(findings.filter { $0.severity == .error }.count >= Self.errorCases.count)
        let clashes = findings.filter { $0.rule == .duplicateID }
        #expect(!clashes.isEmpty)
        for clash in clashes {
            #expect(clash.severity == .warning)
            #expect(clash.message.contains("is also in rules/") || clash.message.contains("is also in clean-"))
            #expect(clash.message.contains("with other properties"), "\(clash.message)")
        }
    }

    @Test("two files with one ID and different objects: both linted, a warning at the second names the first")
    func differentObjects() throws {
        let findings = try Fixtures.lint(["rules/weight-zero.json", "rules/weight-range.json"])
        #expect(findings.map(\.rule).contains(.weightZero))
        #expect(findings.map(\.rule).contains(.weightRange))
        let clash = try #require(findings.first { $0.rule == .duplicateID })
        #expect(clash.severity == .warning)
        #expect(clash.location.file == "rules/weight-range.json")
        #expect(
            clash.message.hasPrefix(
                "target group ID \"3f6a9b2c-1d4e-4f7a-8b9c-0d1e2f3a4b5c\" is also in rules/weight-zero.json:"
            )
        )
    }

    @Test("the same object saved in two files is linted once, with an info finding that says so")
    func identicalCopies() throws {
        let copy = try Fixtures.file("rules/weight-zero.json")
        var second = copy
        second.name = "copy/weight-zero.json"
        let findings = ALBLinter().lint(try ALBConfigLoader.load([copy, second]))
        #expect(findings.filter { $0.rule == .weightZero }.count == 1)
        let clash = try #require(findings.first { $0.rule == .duplicateID })
        #expect(clash.severity == .info)
        #expect(clash.location.file == "copy/weight-zero.json")
        #expect(clash.message.hasSuffix("with the same properties: the same object saved twice, linted once"))
    }
}
