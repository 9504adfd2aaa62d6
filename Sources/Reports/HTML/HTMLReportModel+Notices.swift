import RunResults

extension HTMLReportModel {
    /// Banners under the verdict that say why it is what it is: what a run with verdict `error` did not
    /// measure, and which `abortOnFail` threshold stopped the run (the same sentences as the console).
    static func verdictNotices(_ result: RunResult) -> [String] {
        [ReportFormat.nothingMeasuredLine(result), ReportFormat.abortedLine(result)].compactMap { $0 }
    }

    /// The note column of a threshold row: whether it may abort the run, and whether it did.
    static func thresholdNote(_ threshold: ThresholdOutcome, abortedBy: String?) -> String {
        if threshold.expression == abortedBy { return "stopped the run (abortOnFail)" }
        return threshold.abortOnFail ? "aborts the run" : ""
    }
}
