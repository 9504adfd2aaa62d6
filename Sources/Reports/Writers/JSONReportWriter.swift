package import RunResults

/// The canonical `report.json`: the result encoded with ``RunResults/RunResult/makeEncoder()``
/// (sorted keys, pretty-printed with each histogram bucket on one line, ISO 8601 dates), ending with a newline.
package struct JSONReportWriter: ReportWriter {
    package init() {}

    package var defaultFileName: String { "report.json" }

    package func render(_ result: RunResult) throws -> String {
        String(decoding: try result.jsonData(), as: UTF8.self)
    }
}
