import Foundation
import LoadMetrics
import Reports
import RunResults
import Testing

@Suite("HTML report")
struct HTMLReportTests {
    /// Python's html.parser with a tag-balance check: every non-void element closed in order.
    static let wellFormed = """
        import sys
        from html.parser import HTMLParser
        VOID = {"area","base","br","col","embed","hr","img","input","link","meta","source","track","wbr"}
        class Checker(HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.stack = []; self.problems = []; self.ids = []
            def handle_starttag(self, tag, attrs):
                for name, value in attrs:
                    if name == "id": self.ids.append(value)
                if tag not in VOID: self.stack.append((tag, self.getpos()))
            def handle_startendtag(self, tag, attrs):
                for name, value in attrs:
                    if name == "id": self.ids.append(value)
            def handle_endtag(self, tag):
                if tag in VOID: return
                if not self.stack or self.stack[-1][0] != tag:
                    self.problems.append("unexpected </%s> at %s, open: %s" % (tag, self.getpos(), self.stack[-3:]))
                else:
                    self.stack.pop()
        checker = Checker()
        checker.feed(open(sys.argv[1], encoding="utf-8").read())
        checker.close()
        if checker.stack: checker.problems.append("unclosed: %s" % checker.stack)
        duplicates = sorted({i for i in checker.ids if checker.ids.count(i) > 1})
        if duplicates: checker.problems.append("duplicate ids: %s" % duplicates)
        print("\\n".join(checker.problems))
        print("IDS " + " ".join(checker.ids))
        sys.exit(1 if checker.problems else 0)
        """

    func parse(_ html: String) throws -> (ok: Bool, problems: String, ids: Set<String>) {
        let python = try #require(Tool.find("python3"), "python3 is needed to parse report.html")
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("report.html")
        try Data(html.utf8).write(to: url)
        let output = try Tool.run(python, ["-c", Self.wellFormed, url.path])
        let idLine = output.stdout.split(separator: "\n").first { $0.hasPrefix("IDS") } ?? ""
        return (
            output.status == 0, output.stdout + output.stderr,
            Set(idLine.split(separator: " ").dropFirst().map(String.init))
        )
    }

    @Test("The full report is well-formed HTML and contains every chart id once", arguments: ["full", "empty"])
    func wellFormedWithCharts(_ which: String) throws {
        let result = which == "full" ? FixedResult.make() : FixedResult.empty()
        let html = try HTMLReportWriter().render(result)
        let parsed = try self.parse(html)
        #expect(parsed.ok, "\(parsed.problems)")
        for id in HTMLReportWriter.chartIDs {
            #expect(parsed.ids.contains(id), "missing chart \(id)")
        }
    }

    @Test("With data every chart is an SVG with a title; without data each is a 'no data' note")
    func chartsOrNotes() throws {
        let full = try HTMLReportWriter().render(FixedResult.make())
        for id in HTMLReportWriter.chartIDs {
            let marker = "<svg id=\"\(id)\""
            #expect(full.contains(marker), "\(id) is not an SVG in the full report")
            if let range = full.range(of: marker) {
                #expect(full[range.upperBound...].prefix(300).contains("<title>"), "\(id) has no <title>")
            }
        }
        let empty = try HTMLReportWriter().render(FixedResult.empty())
        #expect(!empty.contains("<svg"))
        for id in HTMLReportWriter.chartIDs {
            #expect(empty.contains("<p id=\"\(id)\" class=\"nodata\">"), "\(id) has no note")
        }
    }

    @Test("A drain run shows closes by code, reconnects, reconnect time and connections per target over time")
    func drainCharts() throws {
        let html = try HTMLReportWriter().render(DrainResult.make())
        let parsed = try self.parse(html)
        #expect(parsed.ok, "\(parsed.problems)")
        for id in HTMLReportWriter.drainChartIDs {
            #expect(html.contains("<svg id=\"\(id)\""), "\(id) is not an SVG in the drain report")
        }
        func chart(_ id: String) throws -> Substring {
            let start = try #require(html.range(of: "<svg id=\"\(id)\""))
            let end = try #require(html[start.upperBound...].range(of: "</svg>"))
            return html[start.lowerBound..<end.upperBound]
        }
        #expect(try chart("chart-closes-per-second").contains("close.1001"))
        #expect(try chart("chart-reconnects-per-second").contains("reconnects"))
        #expect(try chart("chart-reconnects-per-second").contains("messages lost"))
        #expect(try chart("chart-reconnect-time").contains("p99"))
        let targets = try chart("chart-targets-over-time")
        #expect(targets.contains(">a<") || targets.contains("\"a\""), "no series for a")
        #expect(targets.contains(">b<") || targets.contains("\"b\""), "no series for b")
        #expect(html.contains("<span class=\"swatch s0\"></span>a</li>"))
        #expect(html.contains("<span class=\"swatch s1\"></span>b</li>"))
    }

    @Test("Without drain data the drain charts are left out, not shown empty", arguments: ["full", "empty"])
    func noDrainCharts(_ which: String) throws {
        let html = try HTMLReportWriter().render(which == "full" ? FixedResult.make() : FixedResult.empty())
        for id in HTMLReportWriter.drainChartIDs {
            #expect(!html.contains("id=\"\(id)\""), "\(id) is in a report without drain data")
        }
    }

    @Test("The report fetches nothing: no http(s) resource, no script, no external stylesheet")
    func selfContained() throws {
        let html = try HTMLReportWriter().render(FixedResult.make())
        // The SVG namespace is an identifier, not a fetch; nothing else may name a URL scheme.
        let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!withoutNamespace.contains("http://"))
        #expect(!withoutNamespace.contains("https://"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("@import"))
        #expect(html.contains("prefers-color-scheme: dark"))
        #expect(html.contains("name=\"viewport\""))
    }

    @Test("Every text from the result is HTML-escaped, also inside charts")
    func escaping() throws {
        var result = FixedResult.make()
        result.scenarioName = "<script>alert(1)</script>"
        result.metrics.addTargetIdentity("<b>pod</b>", count: 3)
        result.checks.append(CheckOutcome(name: "x\"><img src=x>", passed: false, message: "a & b"))
        let html = try HTMLReportWriter().render(result)
        #expect(!html.contains("<script>alert(1)"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<b>pod</b>"))
        #expect(html.contains("&lt;b&gt;pod&lt;/b&gt;"))
        #expect(!html.contains("<img src=x>"))
        #expect(try self.parse(html).ok)
    }

    @Test("Secrets never reach the page: redacted headers, cookies and query tokens")
    func redacted() throws {
        let html = try HTMLReportWriter().render(FixedResult.make())
        #expect(!html.contains("very-secret"))
        #expect(!html.contains("s3cr3t"))
        #expect(!html.contains("abc123"))
        #expect(html.contains("Authorization: [redacted]"))
    }

    @Test("The top of the page shows the verdict and the key numbers")
    func verdictOnTop() throws {
        let html = try HTMLReportWriter().render(FixedResult.make())
        let verdict = try #require(html.range(of: "verdict-failed\">FAILED"))
        let firstChart = try #require(html.range(of: "<svg"))
        #expect(verdict.lowerBound < firstChart.lowerBound)
        #expect(html.contains("<div class=\"value\">96</div>"))
        #expect(html.contains("This run was interrupted") == false)
        var interrupted = FixedResult.make()
        interrupted.interrupted = true
        #expect(try HTMLReportWriter().render(interrupted).contains("This run was interrupted"))
    }
}

@Suite("HTML report with hostile input")
struct HTMLHostileInputTests {
    @Test("Extreme seconds and values from a crafted file render instead of trapping")
    func extremes() throws {
        var result = FixedResult.empty()
        var early = MetricsSnapshot()
        early.record(.messageRTT, 60_000_000)
        early.add(UInt64.max, to: .wireBytesSent)
        var series = TimeSeries()
        series.append(early, atSecond: Int64.min)
        series.append(early, atSecond: Int64.max)
        result.timeSeries = series
        result.metrics = early
        let html = try HTMLReportWriter().render(result)
        #expect(html.contains("<svg id=\"chart-bytes-per-second\""))
    }
}
