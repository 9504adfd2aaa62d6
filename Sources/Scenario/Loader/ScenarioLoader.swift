import Foundation
import SecretRedaction
import Yams

/// Reads a scenario (YAML, or JSON, which is YAML), applies `--set` overrides and validates everything,
/// collecting every problem with its file:line:column rather than stopping at the first.
///
/// Loading registers the document's secrets (header, cookie and query values, `--set` values) with
/// ``Redaction``, even when the scenario is invalid, so no output of the command can show them.
package struct ScenarioLoader: Sendable {
    /// Raw `key.path=value` overrides, applied in order (a later one wins).
    package var overrides: [String]

    package init(overrides: [String] = []) {
        self.overrides = overrides
    }

    /// Loads the file at `path` (diagnostics name it as given); reads at most one byte past
    /// `ScenarioLimits.maximumBytes`, so a huge file or a device such as /dev/zero is refused, not read.
    package func load(contentsOfFile path: String) -> ScenarioLoadResult {
        let position = SourcePosition(file: path, line: 1, column: 1)
        func failure(_ code: Diagnostic.Code, _ message: String) -> ScenarioLoadResult {
            ScenarioLoadResult(scenario: nil, diagnostics: [Diagnostic(.error, code, message, at: position)])
        }
        let data: Data
        do {
            data = try BoundedFileRead.read(path: path, limit: ScenarioLimits.maximumBytes)
        } catch {
            switch error {
            case .tooLarge: return failure(.limit, Self.tooLargeMessage)
            case .missing, .unreadable:
                return failure(.file, "cannot read scenario: '\(path)' \(BoundedFileRead.reason(error))")
            }
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return failure(.file, "cannot read scenario: '\(path)' is not readable UTF-8 text")
        }
        return load(yaml: text, file: path)
    }

    static let tooLargeMessage =
        "the scenario is larger than \(ByteSize(bytes: ScenarioLimits.maximumBytes)) (the limit); split the load "
        + "into several scenarios"

    /// Loads scenario text; `file` labels the diagnostics and anchors relative paths.
    package func load(yaml text: String, file: String = "<memory>") -> ScenarioLoadResult {
        let context = DecodeContext()
        var sources = [file: text]
        for (index, argument) in overrides.enumerated() { sources["--set #\(index + 1)"] = argument }
        guard text.utf8.count <= ScenarioLimits.maximumBytes else {
            let position = SourcePosition(file: file, line: 1, column: 1)
            return ScenarioLoadResult(
                scenario: nil,
                diagnostics: [Diagnostic(.error, .limit, Self.tooLargeMessage, at: position)]
            )
        }
        if let exceeded = YAMLExpansionBudget.check(text) {
            let position = SourcePosition(file: file, line: exceeded.line, column: exceeded.column)
            return ScenarioLoadResult(
                scenario: nil,
                diagnostics: [Diagnostic(.error, .limit, exceeded.message, at: position)],
                sources: sources
            )
        }
        var root: SourceNode
        do {
            guard let node = try Yams.compose(yaml: text) else {
                return emptyDocument(file: file)
            }
            root = SourceNode(yams: node, file: file)
        } catch let error as YamlError {
            return ScenarioLoadResult(
                scenario: nil,
                diagnostics: [Self.diagnostic(for: error, file: file)],
                sources: sources
            )
        } catch {
            let position = SourcePosition(file: file, line: 1, column: 1)
            return ScenarioLoadResult(scenario: nil, diagnostics: [Diagnostic(.error, .yaml, "\(error)", at: position)])
        }
        if root.isNull { return emptyDocument(file: file) }
        for (index, argument) in overrides.enumerated() {
            do {
                let override = try Override.parse(argument, label: "--set #\(index + 1)")
                if let problem = override.apply(to: &root) { context.append(problem) }
            } catch {
                error.diagnostics.forEach(context.append)
            }
        }
        Redaction.register(secretsIn: JSONValue(root))
        var scenario = ScenarioDecoder(context: context, file: file).decode(root)
        scenario?.document = JSONValue(root)
        return ScenarioLoadResult(
            scenario: context.hasErrors ? nil : scenario,
            diagnostics: Self.sorted(context.diagnostics),
            sources: sources
        )
    }

    /// Loads the file and returns the scenario, or throws every diagnostic when there is any error.
    package func scenario(contentsOfFile path: String) throws(DiagnosticError) -> Scenario {
        let result = load(contentsOfFile: path)
        guard let scenario = result.scenario else { throw DiagnosticError(result.diagnostics) }
        return scenario
    }

    /// Loads text and returns the scenario, or throws every diagnostic when there is any error.
    package func scenario(yaml text: String, file: String = "<memory>") throws(DiagnosticError) -> Scenario {
        let result = load(yaml: text, file: file)
        guard let scenario = result.scenario else { throw DiagnosticError(result.diagnostics) }
        return scenario
    }

    /// Diagnostics grouped by source in order of first appearance (`--set` ones come first), then by
    /// line and column; the sort is stable so problems at one position keep their order.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var order: [String: Int] = [:]
        let overridesFirst = diagnostics.filter { $0.file.hasPrefix("--set") } + diagnostics
        for diagnostic in overridesFirst where order[diagnostic.file] == nil { order[diagnostic.file] = order.count }
        return diagnostics.enumerated().sorted { lhs, rhs in
            let left = (order[lhs.element.file] ?? 0, lhs.element.line, lhs.element.column, lhs.offset)
            let right = (order[rhs.element.file] ?? 0, rhs.element.line, rhs.element.column, rhs.offset)
            return left < right
        }.map(\.element)
    }

    private func emptyDocument(file: String) -> ScenarioLoadResult {
        let position = SourcePosition(file: file, line: 1, column: 1)
        return ScenarioLoadResult(
            scenario: nil,
            diagnostics: [Diagnostic(.error, .empty, "the scenario is empty; it needs at least 'name'", at: position)]
        )
    }

    /// Maps a Yams error onto a positioned diagnostic.
    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourcePosition { SourcePosition(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return Diagnostic(.error, .yaml, "not valid YAML: \(problem)\(detail)", at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(
                .error,
                .duplicateKey,
                "key \(keys) appears more than once in the same mapping",
                at: at(context.mark)
            )
        case .reader(let problem, _, _, _):
            return Diagnostic(
                .error,
                .yaml,
                "cannot read the text: \(problem)",
                at: SourcePosition(file: file, line: 1, column: 1)
            )
        default:
            return Diagnostic(
                .error,
                .yaml,
                "not valid YAML: \(error)",
                at: SourcePosition(file: file, line: 1, column: 1)
            )
        }
    }
}
