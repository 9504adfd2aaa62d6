import Foundation
import LoadMetrics
import Reports
import RunResults
import Testing

/// `report-v1.json` is the golden report.json as the first layout wrote it (wsprobe at 7c3e98f): every
/// per-second point with its lossless `messageRTT` histogram, no `timeSeriesIntervals`.
@Suite("First-layout report.json")
struct FirstLayoutReportTests {
    static func firstLayout() throws -> Data {
        try Data(contentsOf: Tool.fixtures.appendingPathComponent("report-v1.json"))
    }

    @Test("A report with per-second histograms decodes into points with exact percentiles and interval histograms")
    func decodes() throws {
        let data = try Self.firstLayout()
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("timeSeriesIntervals") && text.contains("\"messageRTT\""))
        let decoded = try RunResult.decode(data, source: "report-v1.json")
        let fixed = FixedResult.make()
        #expect(decoded == fixed)
        #expect(decoded.metrics == fixed.metrics)
        #expect(decoded.timeSeries.points == fixed.timeSeries.points)
        #expect(decoded.timeSeries.intervals == fixed.timeSeries.intervals)
        #expect(!decoded.timeSeries.intervals.intervals.isEmpty)
        #expect(decoded.timeSeries.points.allSatisfy { $0.messageRTT.exact })
    }

    @Test("Converted on reading, it writes the current layout: the current golden file")
    func rewritesAsCurrentLayout() throws {
        let decoded = try RunResult.decode(try Self.firstLayout(), source: "report-v1.json")
        let current = try String(contentsOf: Tool.fixtures.appendingPathComponent("report.json"), encoding: .utf8)
        #expect(try JSONReportWriter().render(decoded) == current)
        let firstLayoutSize = try Self.firstLayout().count
        #expect(current.utf8.count < firstLayoutSize)
    }
}
