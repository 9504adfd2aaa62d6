import Foundation
import LoadMetrics
import Reports
import RunResults
import Testing

@Suite("Console summary")
struct ConsoleSummaryTests {
    @Test("Without colours the summary has no escape codes; with colours PASS/FAIL and the verdict are coloured")
    func colours() {
        let plain = ConsoleSummary(colors: false).render(FixedResult.make())
        #expect(!plain.contains("\u{1B}["))
        let coloured = ConsoleSummary(colors: true).render(FixedResult.make())
        #expect(coloured.contains("\u{1B}[1;31mFAILED\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[32mPASS\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[31mFAIL\u{1B}[0m"))
    }

    @Test("The summary lists only histograms with data, with the same percentiles as the result")
    func percentiles() {
        let result = FixedResult.make()
        let text = ConsoleSummary(colors: false).render(result)
        let rtt = result.metrics[.messageRTT]
        let line = text.split(separator: "\n").first { $0.hasPrefix("message_rtt") } ?? ""
        #expect(line.contains(ReportFormat.duration(micros: rtt.value(atPercentile: 99))))
        #expect(line.contains("2,000"))
        #expect(!text.contains("ping_rtt"))
        #expect(!text.contains("close_handshake"))
    }

    @Test("An empty result says there is no latency data and shows its verdict")
    func empty() {
        let text = ConsoleSummary(colors: false).render(FixedResult.empty())
        #expect(text.contains("ERROR"))
        #expect(text.contains("Latency  no data"))
        #expect(!text.contains("Thresholds"))
    }

    @Test(
        "Durations, counts, bytes and percentages are formatted the same way everywhere",
        arguments: [
            (ReportFormat.duration(micros: 850.0), "850µs"), (ReportFormat.duration(micros: 12_345.0), "12.3ms"),
            (ReportFormat.duration(micros: 1_520_000.0), "1.52s"),
            (ReportFormat.duration(micros: 125_000_000.0), "2m 05s"),
            (ReportFormat.count(1_234_567), "1,234,567"), (ReportFormat.count(12), "12"),
            (ReportFormat.bytes(512), "512 B"), (ReportFormat.bytes(1536), "1.5 KiB"),
            (ReportFormat.percent(fraction: 0.0012), "0.12%"), (ReportFormat.change(percent: 12.5), "+12.5%"),
            (ReportFormat.change(percent: -3), "-3%"), (ReportFormat.compact(12_300), "12.3k"),
        ]
    )
    func formats(_ pair: (String, String)) {
        #expect(pair.0 == pair.1)
    }
}

@Suite("Report folder")
struct ReportBundleTests {
    @Test(
        "The default folder is reports/<safe scenario name>/<UTC timestamp>",
        arguments: [
            ("echo-load", "echo-load"), ("wss://echo.example.com:8443/chat?x=1", "wss-echo.example.com-8443-chat-x-1"),
            ("../../etc", "etc"), ("", "scenario"),
        ]
    )
    func folder(_ pair: (String, String)) {
        let url = ReportBundle.defaultFolder(
            root: URL(fileURLWithPath: "/r"),
            scenarioName: pair.0,
            startedAt: FixedResult.start
        )
        #expect(url.path == "/r/\(pair.1)/20260102T030405Z")
    }

    @Test("Writing a bundle creates the folder and the three files, all views of one result")
    func write() throws {
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = directory.appendingPathComponent("a/b")
        let files = try ReportBundle.write(FixedResult.make(), to: folder)
        #expect(files.map(\.lastPathComponent) == ["report.json", "report.html", "junit.xml"])
        let decoded = try RunResult.load(contentsOf: files[0])
        #expect(try HTMLReportWriter().render(decoded) == String(contentsOf: files[1], encoding: .utf8))
    }
}
