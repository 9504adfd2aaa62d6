/// Collects diagnostics while a scenario's node tree is walked; every reader reports here and returns nil
/// on a problem, so decoding goes on and finds every problem in one pass.
final class DecodeContext {
    private(set) var diagnostics: [Diagnostic] = []

    init() {}

    func error(_ code: Diagnostic.Code, _ message: String, at position: SourcePosition) {
        diagnostics.append(Diagnostic(.error, code, message, at: position))
    }

    func warning(_ code: Diagnostic.Code, _ message: String, at position: SourcePosition) {
        diagnostics.append(Diagnostic(.warning, code, message, at: position))
    }

    func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

@available(*, unavailable)
extension DecodeContext: Sendable {}
