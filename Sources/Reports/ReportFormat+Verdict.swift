package import RunResults

extension ReportFormat {
    /// `Nothing measured: no connection upgraded (…).` for a result whose verdict is `error`, else `nil`.
    ///
    /// Reports written before `errorReason` existed still get a sentence.
    package static func nothingMeasuredLine(_ result: RunResult) -> String? {
        guard result.verdict == .error else { return nil }
        return "Nothing measured: \(result.errorReason ?? "the run could not produce a measurement")."
    }

    /// `Stopped early by the abortOnFail threshold rate(errors) < 1% (observed 12%, limit < 1%).` when an
    /// `abortOnFail` threshold stopped the run, else `nil`.
    package static func abortedLine(_ result: RunResult) -> String? {
        guard let expression = result.abortedBy else { return nil }
        let outcome = result.thresholds.first { $0.expression == expression }
        let figures = outcome.map { " (observed \($0.observedText), limit \($0.limit))" } ?? ""
        return "Stopped early by the abortOnFail threshold \(expression)\(figures)."
    }
}
