package import RunResults

/// The console view of any result, as `wsprobe report` prints it: a check's report as `check` printed it, a
/// run's summary followed by the engine's figures as `run` printed them.
package enum ConsoleText {
    /// The text, ending with a newline.
    package static func render(_ result: RunResult, colors: Bool) -> String {
        if result.kind == .check, result.checkDetails?.url != nil {
            return CheckConsoleText.render(result) + "\n"
        }
        var text = ConsoleSummary(colors: colors).render(result)
        if let engine = EngineSummary.text(result) { text += engine + "\n" }
        return text
    }
}
