import Foundation
import ResultCodes
import Testing

/// docs/codes.md is the catalogue of the types, and no producer spells a code or a phase as a string literal.
@Suite("the code catalogue")
struct CodeCatalogueTests {
    static let root = RunCommandTests.repository

    /// Paths still allowed to spell codes as literals: their owners switch them to `ErrorCode` members after
    /// the engine core, check and ALB emulation rework lands. Shrink this list; never grow it.
    static let literalAllowList: [String] = []

    @Test("docs/codes.md is rendered from the types (regenerate with WSPROBE_UPDATE_DOCS=1)")
    func catalogueIsCurrent() throws {
        let url = Self.root.appendingPathComponent("docs/codes.md")
        let expected = CodeCatalogue.markdown()
        if ProcessInfo.processInfo.environment["WSPROBE_UPDATE_DOCS"] == "1" {
            try expected.write(to: url, atomically: true, encoding: .utf8)
        }
        let current = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        #expect(
            current == expected,
            "docs/codes.md is stale: run `\(CodeCatalogue.regenerate)`. Expected:\n\(expected)"
        )
    }

    @Test("the catalogue lists every phase, family and close-code name")
    func catalogueContent() {
        let text = CodeCatalogue.markdown()
        for phase in Phase.allCases { #expect(text.contains("| `\(phase.rawValue)` |")) }
        for code in ErrorCode.catalogue { #expect(text.contains("| `\(code.rawValue)` |"), "\(code)") }
        #expect(text.contains("| 1001 | going away |"))
        #expect(text.contains("| 4000-4999 | application-defined |"))
        #expect(text.contains("| `usage.duration` | 2 |"))
        #expect(text.contains("| `output.write` | 3 |"))
    }

    /// Every Swift file under Sources, relative to the repository root.
    static func sourceFiles() throws -> [String] {
        let sources = Self.root.appendingPathComponent("Sources")
        let enumerator = FileManager.default.enumerator(atPath: sources.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".swift") { files.append("Sources/" + path) }
        }
        return files
    }

    /// The `code: "x.y"` and `phase: "x"` literals of `text` (lower-case spellings: ANSI colours are digits).
    static func literalProducers(in text: String) throws -> [String] {
        let regex = try Regex(#"\b(code|phase):\s*"[a-z][^"]*""#)
        return text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
            .flatMap { line in line.matches(of: regex).map { String(line[$0.range]) } }
    }

    @Test("the scan finds literal producers and ignores typed ones")
    func scanWorks() throws {
        #expect(try Self.literalProducers(in: #"Failure(phase: "tcp", code: "internal", message: m)"#).count == 2)
        #expect(try Self.literalProducers(in: "    // code: \"tcp.refused\" in a comment").isEmpty)
        #expect(try Self.literalProducers(in: #"CommandFailure(status: s, code: .usageSize, message: "x")"#).isEmpty)
        #expect(try Self.literalProducers(in: #"self.paint(text, code: "1;32")"#).isEmpty)
    }

    @Test("no code or phase is a string literal outside the allow-list")
    func noLiteralProducers() throws {
        let files = try Self.sourceFiles()
        #expect(files.count > 100)
        var found: [String] = []
        for file in files where !Self.literalAllowList.contains(where: { file.hasPrefix($0) }) {
            let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
            found += try Self.literalProducers(in: text).map { "\(file): \($0)" }
        }
        #expect(found.isEmpty, "use ErrorCode / Phase members:\n\(found.joined(separator: "\n"))")
    }
}
