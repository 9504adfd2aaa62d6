import ALBConfig
import Foundation

/// Locates and loads the IONOS JSON fixtures next to this file.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures"
    )

    /// The path of fixture `name` (e.g. `rules/weight-zero.json`).
    static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    /// The fixture's bytes under its short name, so findings read `rules/weight-zero.json:…`.
    static func file(_ name: String) throws -> ALBSourceFile {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return ALBSourceFile(name: name, contents: Array(data))
    }

    /// Loads fixtures in order.
    static func load(_ names: [String]) throws -> ALBConfiguration {
        try ALBConfigLoader.load(try names.map(file))
    }

    /// Loads and lints fixtures.
    static func lint(_ names: [String], options: LintOptions = LintOptions()) throws -> [LintFinding] {
        ALBLinter(options: options).lint(try load(names))
    }
}

/// Builds small documents inline for focused tests.
enum Inline {
    /// A forwarding-rule document with these `httpRules` (JSON array text).
    static func forwardingRule(_ httpRules: String, extra: String = "") -> ALBSourceFile {
        ALBSourceFile(
            name: "inline.json",
            text: """
                {"id": "fr-1", "type": "forwarding-rule", "properties": {"name": "listener", "protocol": "HTTP",
                 "listenerIp": "203.0.113.10", "listenerPort": 443\(extra), "httpRules": \(httpRules)}}
                """
        )
    }

    /// A target group with this ID and two healthy targets.
    static let targetGroup = ALBSourceFile(
        name: "groups.json",
        text: """
            {"id": "tg-1", "type": "target-group", "properties": {"name": "ws", "algorithm": "ROUND_ROBIN",
             "protocol": "HTTP", "targets": [{"ip": "10.0.0.1", "port": 80, "weight": 1},
             {"ip": "10.0.0.2", "port": 80, "weight": 1}]}}
            """
    )

    /// Lints one forwarding rule together with `targetGroup`.
    static func lint(_ httpRules: String, options: LintOptions = LintOptions()) throws -> [LintFinding] {
        ALBLinter(options: options).lint(try ALBConfigLoader.load([forwardingRule(httpRules), targetGroup]))
    }
}
