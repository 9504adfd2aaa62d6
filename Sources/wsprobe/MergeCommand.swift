import ArgumentParser
import Foundation
import Reports
import RunResults

/// `wsprobe merge A.json B.json … -o OUT.json`: the exact union of shard results.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the report.json files of the shards of one run into one result.",
        discussion: """
            Counts add, latency histograms merge bucket by bucket (percentiles are exact), time series \
            align by wall-clock second, and a check or threshold passes only if it passed in every shard. \
            Exit status: 0 when the merged verdict is passed, 1 when it is failed, 4 when it is error (a \
            shard measured nothing), 2 when an input is unreadable or the inputs are not shards of one run, \
            3 when an output cannot be written.
            """
    )

    @Argument(help: "The shard results (report.json files), two or more.")
    var files: [String]

    @Option(name: [.short, .customLong("output")], help: "Where to write the merged report.json.")
    var output: String

    @Flag(help: "Also write report.html next to the merged JSON.")
    var html = false

    @Flag(help: "Also write junit.xml next to the merged JSON.")
    var junit = false

    @Flag(help: "Print the console summary of the merged result.")
    var console = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give the report.json files of the shards to merge.") }
    }

    func run() throws {
        guard let results = ReportOutput.load(files) else { throw ExitCode(ReportOutput.invalidInput) }
        let merged: RunResult
        do {
            merged = try RunResult.merging(results)
        } catch {
            ReportOutput.printError(error.description)
            throw ExitCode(ReportOutput.invalidInput)
        }
        let folder = URL(fileURLWithPath: output).deletingLastPathComponent()
        var ok = ReportOutput.write(merged, with: JSONReportWriter(), to: output)
        if html {
            ok =
                ReportOutput.write(
                    merged,
                    with: HTMLReportWriter(),
                    to: folder.appendingPathComponent("report.html").path
                ) && ok
        }
        if junit {
            ok =
                ReportOutput.write(
                    merged,
                    with: JUnitReportWriter(),
                    to: folder.appendingPathComponent("junit.xml").path
                ) && ok
        }
        if console { print(ConsoleSummary(colors: ReportOutput.colors).render(merged), terminator: "") }
        if !ok { throw ExitCode(ReportOutput.couldNotStart) }
        let status = ExitStatus(verdict: merged.verdict)
        if status != .passed { throw status.exitCode }
    }
}
