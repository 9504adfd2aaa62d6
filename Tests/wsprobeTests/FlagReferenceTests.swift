import Foundation
import TestSupport
import Testing

/// Every `--flag` that a diagnosis, hint or error message in Sources tells the user to pass exists on some
/// command (the `tls.untrusted` diagnosis once advised `--ca-file`, which never existed: it is `--cacert`).
@Suite("flags named in messages exist")
struct FlagReferenceTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    /// The long option names of every command, from ArgumentParser's own description of the tool.
    static func realFlags() async throws -> Set<String> {
        let run = try await WSProbeBinary.run(["--experimental-dump-help"])
        #expect(run.status == 0, "\(run.standardError)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        var flags: Set<String> = []
        func collect(_ command: [String: Any]) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
                    if let text = name["name"] as? String { flags.insert("--" + text) }
                }
            }
            (command["subcommands"] as? [[String: Any]] ?? []).forEach(collect)
        }
        collect(try #require(root["command"] as? [String: Any]))
        // Flags every command takes, applied before ArgumentParser parses (so absent from the dump): each one
        // is counted only if the binary accepts it where an unknown flag is refused.
        let scenario = RunCommandTests.scenarioPath("smoke")
        #expect(try await WSProbeBinary.run(["validate", "--no-such-flag", scenario]).status == 2)
        for flag in ["--show-secrets"] where try await WSProbeBinary.run(["validate", flag, scenario]).status == 0 {
            flags.insert(flag)
        }
        return flags
    }

    /// The `--name` spellings inside string literals of `text` (comments are skipped); CSS custom properties
    /// (`--bg: …`, `var(--bg)`) are not flags.
    static func flagsInLiterals(_ text: String) -> [String] {
        var flags: [String] = []
        for literal in StringLiterals.contents(of: text) {
            let characters = Array(literal)
            var index = 0
            while index + 2 < characters.count {
                defer { index += 1 }
                guard characters[index] == "-", characters[index + 1] == "-", characters[index + 2].isLowercase
                else { continue }
                if index > 0,
                    characters[index - 1].isLetter || characters[index - 1].isNumber
                        || characters[index - 1] == "-" || characters[index - 1] == "("
                {
                    continue
                }
                var end = index + 2
                while end < characters.count,
                    characters[end].isLowercase || characters[end].isNumber || characters[end] == "-"
                {
                    end += 1
                }
                if end < characters.count, characters[end] == ":" { continue }
                flags.append(String(characters[index..<end]))
                index = end - 1
            }
        }
        return flags
    }

    @Test("every --flag in a message of Sources is an option of some wsprobe command")
    func flagsExist() async throws {
        let real = try await Self.realFlags()
        #expect(real.contains("--cacert") && real.contains("--insecure"), "the dump lists the options")
        let files = try #require(FileManager.default.enumerator(atPath: Self.sources.path))
        var checked = 0
        for case let path as String in files where path.hasSuffix(".swift") {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(path), encoding: .utf8)
            for flag in Self.flagsInLiterals(text) {
                checked += 1
                #expect(real.contains(flag), "Sources/\(path) names \(flag), which no wsprobe command has")
            }
        }
        #expect(checked > 50, "the scan found the flags that messages name")
    }

    @Test("the scan reads string literals only and skips CSS properties")
    func scanner() {
        let source = #"""
            // a comment naming --ca-file is not a message
            let message = "Pass the issuing CA with --ca-file or --insecure."
            let css = """
                :root { --bg: #fff; color: var(--fg); }
                use --resolve here
                """
            """#
        #expect(Self.flagsInLiterals(source) == ["--ca-file", "--insecure", "--resolve"])
    }
}

/// The contents of the string literals of Swift source: `"…"`, `"""…"""` and raw `#"…"#` forms, with
/// comments skipped. Good enough for scanning messages; it does not evaluate interpolations.
enum StringLiterals {
    static func contents(of text: String) -> [String] {
        let characters = Array(text)
        var literals: [String] = []
        var index = 0
        func starts(with token: String, at position: Int) -> Bool {
            let token = Array(token)
            return position + token.count <= characters.count
                && Array(characters[position..<(position + token.count)]) == token
        }
        while index < characters.count {
            if starts(with: "//", at: index) {
                while index < characters.count, characters[index] != "\n" { index += 1 }
            } else if starts(with: "/*", at: index) {
                while index < characters.count, !starts(with: "*/", at: index) { index += 1 }
                index += 2
            } else if characters[index] == "\"" || (characters[index] == "#" && starts(with: "#\"", at: index)) {
                var hashes = 0
                while characters[index] == "#" {
                    hashes += 1
                    index += 1
                }
                let multiline = starts(with: "\"\"\"", at: index)
                let quote = multiline ? "\"\"\"" : "\""
                let closing = quote + String(repeating: "#", count: hashes)
                index += quote.count
                var content = ""
                while index < characters.count, !starts(with: closing, at: index) {
                    if characters[index] == "\\", hashes == 0, index + 1 < characters.count {
                        content.append(characters[index])
                        index += 1
                    }
                    content.append(characters[index])
                    index += 1
                }
                literals.append(content)
                index += closing.count
            } else {
                index += 1
            }
        }
        return literals
    }
}
