import ArgumentParser
import Reports
import RunResults

/// `wsprobe compare BASELINE.json CURRENT.json --max-regression p99=10%`: gates a CI job on
/// regressions against a stored baseline.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare a result with a baseline and fail on regressions.",
        discussion: """
            FIGURE=LIMIT, repeatable or comma-separated: p50, p90, p99, p99.9, min, max, mean (of \
            message_rtt, or of another histogram as p99(connect_total)) with the largest allowed increase, \
            e.g. p99=10%; error_rate with the largest increase in percentage points, e.g. error_rate=0.1%; \
            throughput (messages_received per second, or throughput(COUNTER)) with a signed limit, e.g. \
            throughput=-5% allows a drop of 5%. Without limits a default set is shown for information. \
            Exit status: 0 no regression, 1 regression, 2 unreadable input or a malformed limit.
            """
    )

    @Argument(help: "The baseline report.json.")
    var baseline: String

    @Argument(help: "The current report.json.")
    var current: String

    @Option(name: .customLong("max-regression"), help: "A limit such as p99=10%, error_rate=0.1%, throughput=-5%.")
    var maxRegression: [String] = []

    func run() throws {
        var limits: [RegressionLimit] = []
        for spec in maxRegression {
            do {
                limits += try RegressionLimit.parseList(spec)
            } catch {
                ReportOutput.printError("--max-regression \(spec): \(error.description)")
                throw ExitCode(ReportOutput.invalidInput)
            }
        }
        guard let results = ReportOutput.load([baseline, current]), results.count == 2 else {
            throw ExitCode(ReportOutput.invalidInput)
        }
        let comparison = Comparison(baseline: results[0], current: results[1], maxRegressions: limits)
        print(ComparisonTable(colors: ReportOutput.colors).render(comparison), terminator: "")
        if !comparison.passed { throw ExitCode(ReportOutput.failed) }
    }
}
