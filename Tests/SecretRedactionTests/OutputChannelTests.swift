import Foundation
import Testing

/// The rule that keeps unredacted output away: only the functions that apply `Redaction.redact(text:)` write to
/// standard output, standard error or a file. A new command that writes any other way fails this test.
@Suite("Every output channel goes through the redaction step")
struct OutputChannelTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Ways to write bytes out of the process, and the files allowed to use them (each applies the step, or
    /// writes no user data: an empty probe file, the throwaway TLS files a built-in target serves).
    static let channels: [(pattern: String, allowed: Set<String>)] = [
        ("FileHandle.standardOutput", ["wsprobe/StandardError.swift"]),
        ("FileHandle.standardError", ["wsprobe/StandardError.swift"]),
        ("Swift.print(", []),
        ("fputs(", []),
        ("fwrite(", []),
        ("write(1,", []),
        ("write(2,", ["LoadRunner/Engine/ProgressPrinter.swift"]),
        (".write(to:", ["Reports/ReportWriter.swift", "wsprobe/StandardError.swift", "wsprobe/RunOutput.swift"]),
        ("createFile(", ["wsprobe/EphemeralTLSFiles.swift"]),
        ("write(toFile:", []),
    ]

    @Test("stdout, stderr and file writes appear only in the files that redact")
    func channelsAreRedacted() throws {
        let files = FileManager.default.enumerator(atPath: Self.sources.path)?.compactMap { $0 as? String } ?? []
        let swiftFiles = files.filter { $0.hasSuffix(".swift") }
        #expect(swiftFiles.count > 100, "found the sources at \(Self.sources.path)")
        var violations: [String] = []
        for file in swiftFiles {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            for (pattern, allowed) in Self.channels where text.contains(pattern) && !allowed.contains(file) {
                violations.append("\(file): \(pattern)")
            }
        }
        #expect(violations == [], "write through printError/printProgress/print/writeOutputFile or ReportWriter")
    }

    @Test("Only the wsprobe executable prints, where `print` is its own redacting function")
    func printOnlyInTheExecutable() throws {
        let files = FileManager.default.enumerator(atPath: Self.sources.path)?.compactMap { $0 as? String } ?? []
        var violations: [String] = []
        for file in files where file.hasSuffix(".swift") && !file.hasPrefix("wsprobe/") {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            if Self.callsPrint(text) { violations.append(file) }
        }
        #expect(violations == [])
        #expect(Self.callsPrint("x\n    print(\"a\")") && !Self.callsPrint("X509V3_EXT_print(bio)"))
    }

    /// Whether `text` calls a free function named `print` (not `…_print(` or `.print(`).
    static func callsPrint(_ text: String) -> Bool {
        var rest = Substring(text)
        while let range = rest.firstRange(of: "print(") {
            let before = rest[..<range.lowerBound].last
            if let before, before.isLetter || before.isNumber || before == "_" || before == "." {
                rest = rest[range.upperBound...]
                continue
            }
            return true
        }
        return false
    }
}
