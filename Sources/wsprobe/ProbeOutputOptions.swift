import ArgumentParser
import Foundation
import Reports
import ResultCodes
import RunResults

/// The outputs every `wsprobe probe` command shares: text or `--json` on standard output, and report files
/// (`--out`, `--junit`) as `check` writes them. Every one is a view of the probe's `RunResult`.
struct ProbeOutputOptions: ParsableArguments {
    @Flag(help: "Print the result as JSON (the report.json document) instead of text.")
    var json = false

    @Option(help: ArgumentHelp("Also write report.json, report.html and junit.xml into this folder.", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Also write a JUnit XML file (one test case per check) for CI.", valueName: "file"))
    var junit: String?

    /// Prints `result` (its console view, or its JSON), writes the requested report files, and ends the command
    /// with the status of its verdict (docs/exit-codes.md); 130 when the probe was interrupted.
    ///
    /// - Throws: `CommandFailure` (status 3) when a report file cannot be written; the exit code otherwise.
    func emit(_ result: RunResult) throws {
        if self.json {
            print(try JSONReportWriter().render(result), terminator: "")
        } else {
            print(ProbeConsole.text(result) ?? ConsoleSummary(colors: false).render(result))
        }
        try self.writeReports(result)
        if result.interrupted { throw ExitStatus.interrupted.exitCode }
        let status = ExitStatus(verdict: result.verdict)
        if status != .passed { throw status.exitCode }
    }

    private func writeReports(_ result: RunResult) throws {
        do {
            if let out = self.out {
                let files = try ReportBundle.write(result, to: URL(fileURLWithPath: out))
                printError("reports: \(files.map(\.path).joined(separator: ", "))")
            }
            if let junit = self.junit {
                let url = URL(fileURLWithPath: junit)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(),
                    withIntermediateDirectories: true
                )
                try JUnitReportWriter().write(result, to: url)
            }
        } catch {
            throw CommandFailure(
                status: .couldNotStart,
                code: .outputWrite,
                message: "Could not write the reports: \(error)"
            )
        }
    }
}
