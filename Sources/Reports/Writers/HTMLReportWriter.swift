import Mustache
package import RunResults

/// `report.html`: one self-contained page (inline CSS, inline SVG charts, no script, no network
/// fetch) with the verdict and key numbers on top, then charts and tables. Rendered with
/// swift-mustache from ``HTMLReportModel``, which is built from the result alone.
package struct HTMLReportWriter: ReportWriter {
    package init() {}

    package var defaultFileName: String { "report.html" }

    package func render(_ result: RunResult) throws -> String {
        let template = try MustacheTemplate(string: HTMLTemplate.source)
        var context: [String: Any] = [:]
        let model = try HTMLReportModel(result)
        for child in Mirror(reflecting: model).children {
            guard let label = child.label else { continue }
            context[label] = child.value
            // `{{#hasErrors}}…{{/hasErrors}}` wraps a table that must not appear when the list is empty.
            if let list = child.value as? [Any], let first = label.first {
                context["has" + first.uppercased() + label.dropFirst()] = !list.isEmpty
            }
        }
        context["css"] = HTMLStyle.css
        return template.render(context)
    }

    /// Every chart id the page contains (each appears once, on the SVG or on its "no data" note).
    package static var chartIDs: [String] { HTMLReportModel.chartIDs }

    /// The id of the weight check's chart, present only when the result has a weight check.
    package static var weightChartID: String { HTMLReportModel.weightChartID }
    /// The drain-and-reconnect chart ids: each is on the page only when the run has its data.
    package static var drainChartIDs: [String] { HTMLReportModel.drainChartIDs }
}
