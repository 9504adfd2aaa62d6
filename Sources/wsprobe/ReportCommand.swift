import ArgumentParser
import Reports

/// `wsprobe report FILE.json`: re-renders a result into HTML, JUnit or the console summary, so every
/// format is a view of the one JSON result.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render a report.json as HTML, JUnit XML or a console summary.",
        discussion: """
            With no output option the console summary is printed. Exit status: 0 when rendered, \
            2 when the file is unreadable or not a wsprobe result, 3 when an output cannot be written.
            """
    )

    @Argument(help: "The report.json to render.")
    var file: String

    @Option(help: "Write the self-contained HTML report to this path.")
    var html: String?

    @Option(help: "Write JUnit XML to this path.")
    var junit: String?

    @Flag(help: "Print the console summary (the default when no other output is given).")
    var console = false

    func run() throws {
        guard let result = ReportOutput.load([file])?.first else { throw ExitCode(ReportOutput.invalidInput) }
        var ok = true
        if let html { ok = ReportOutput.write(result, with: HTMLReportWriter(), to: html) && ok }
        if let junit { ok = ReportOutput.write(result, with: JUnitReportWriter(), to: junit) && ok }
        if console || (html == nil && junit == nil) {
            print(ConsoleText.render(result, colors: ReportOutput.colors), terminator: "")
        }
        if !ok { throw ExitCode(ReportOutput.couldNotStart) }
    }
}
