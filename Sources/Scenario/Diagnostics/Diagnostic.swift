/// One problem found in a scenario, with a stable code and the position it refers to.
///
/// Rendered as `file:line:col: error[code]: message`, the shape compilers use, so editors and CI logs can
/// jump to it.
package struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a problem is: errors make a scenario invalid (exit status 2), warnings do not.
    package enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    package var severity: Severity
    /// The stable code, e.g. `scenario.unknown-key`; identical in console, JSON, HTML and JUnit output.
    package var code: Code
    /// A sentence a person understands.
    package var message: String
    package var position: SourcePosition

    package init(_ severity: Severity = .error, _ code: Code, _ message: String, at position: SourcePosition) {
        self.severity = severity
        self.code = code
        self.message = message
        self.position = position
    }

    package var file: String { position.file }
    package var line: Int { position.line }
    package var column: Int { position.column }

    /// `file:line:col: error[code]: message`.
    package var description: String {
        "\(position): \(severity.rawValue)[\(code.rawValue)]: \(message)"
    }
}
