import Foundation
import Testing

/// The documentation stays true to the repository: links resolve inside it, and docs/architecture.md's module
/// table is the dependency graph of Package.swift.
@Suite("documentation")
struct DocumentationTests {
    static let root = RunCommandTests.repository

    /// README.md, scenarios/README.md and every Markdown file under docs/.
    static let markdownFiles: [URL] = {
        let docs = root.appendingPathComponent("docs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
        return [root.appendingPathComponent("README.md"), root.appendingPathComponent("scenarios/README.md")]
            + names.filter { $0.hasSuffix(".md") }.sorted().map { docs.appendingPathComponent($0) }
    }()

    static func matches(_ pattern: String, in text: String) throws -> [[String]] {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (0..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }

    @Test("every relative link and every ../ path in the docs points to a file inside the repository")
    func linksStayInside() throws {
        #expect(Self.markdownFiles.count > 5)
        let rootPath = Self.root.standardizedFileURL.path
        for file in Self.markdownFiles {
            let text = try String(contentsOf: file, encoding: .utf8)
            let folder = file.deletingLastPathComponent()
            let links = try Self.matches(#"\]\(([^)\s]+)\)"#, in: text).map { $0[1] }
            let parentPaths = try Self.matches(#"`(\.\./[^`\s]+)`"#, in: text).map { $0[1] }
            for link in links + parentPaths
            where !link.contains("://") && !link.hasPrefix("#") && !link.hasPrefix("mailto:") {
                let path = String(link.prefix { $0 != "#" })
                let target = folder.appendingPathComponent(path).standardizedFileURL
                #expect(
                    target.path.hasPrefix(rootPath + "/"),
                    "\(file.lastPathComponent): \(link) leaves the repository"
                )
                #expect(
                    FileManager.default.fileExists(atPath: target.path),
                    "\(file.lastPathComponent): \(link) does not exist"
                )
            }
        }
    }

    /// Each library and executable target of Package.swift with its declared dependencies (test targets, the
    /// test helpers, and the opt-in fuzz driver and benchmarks left out).
    static func packageGraph() throws -> [String: Set<String>] {
        var text = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        text = try NSRegularExpression(pattern: #"\.product\(name: "([^"]+)", package: "[^"]+"\)"#)
            .stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "\"$1\"")
        let variables = ["nioCore": "NIOCore", "nioPosix": "NIOPosix", "nioEmbedded": "NIOEmbedded"]
        var graph: [String: Set<String>] = [:]
        let declarations = try Self.matches(
            #"\.(?:target|executableTarget)\(\s*name: "([^"]+)",\s*dependencies: \[([^\]]*)\]"#,
            in: text
        )
        for declaration in declarations
        where !["TestSupport", "WSFuzzDriver", "WSProtocolBenchmarks"].contains(declaration[1]) {
            let quoted = try Self.matches(#""([^"]+)""#, in: declaration[2]).map { $0[1] }
            let named = try Self.matches(#"\b(nio[A-Za-z]+)\b"#, in: declaration[2]).compactMap { variables[$0[1]] }
            graph[declaration[1]] = Set(quoted + named)
        }
        return graph
    }

    /// The module table of docs/architecture.md: modules of the first column, dependencies of the second.
    static func documentedGraph() throws -> [String: Set<String>] {
        let text = try String(contentsOf: Self.root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        let section =
            text.components(separatedBy: "## Modules").dropFirst().first?
            .components(separatedBy: "\n## ").first ?? ""
        var graph: [String: Set<String>] = [:]
        for line in section.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard cells.count > 3 else { continue }
            let modules = try Self.matches(#"`([^`]+)`"#, in: cells[1]).map { $0[1] }
            let dependencies = try Self.matches(#"`([^`]+)`"#, in: cells[2]).map { $0[1] }
            for module in modules { graph[module] = Set(dependencies) }
        }
        return graph
    }

    @Test("docs/architecture.md lists every module of Package.swift with exactly its dependencies")
    func architectureMatchesPackage() throws {
        let package = try Self.packageGraph()
        let documented = try Self.documentedGraph()
        #expect(package.count >= 12, "\(package.keys.sorted())")
        for (module, dependencies) in package.sorted(by: { $0.key < $1.key }) {
            #expect(documented[module] == dependencies, "\(module): Package.swift \(dependencies.sorted())")
        }
        let systemLibraries: Set<String> = ["COpenSSL", "CZlib"]
        #expect(Set(documented.keys).subtracting(package.keys) == systemLibraries)
    }
}
