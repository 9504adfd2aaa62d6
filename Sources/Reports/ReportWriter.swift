package import Foundation
package import RunResults
import SecretRedaction

/// Renders a ``RunResults/RunResult`` into one report format.
///
/// Every format is a pure function of the result (docs/architecture.md: a format not derived from the JSON
/// result could disagree with it), so `wsprobe report report.json` re-renders identical files.
package protocol ReportWriter: Sendable {
    /// The usual file name of this format in a report folder (`report.json`, `report.html`, `junit.xml`).
    var defaultFileName: String { get }

    /// The report as text.
    func render(_ result: RunResult) throws -> String
}

extension ReportWriter {
    /// The report as UTF-8 bytes, through the redaction step every output passes (``Redaction/redact(text:)``:
    /// URL userinfo, sensitive query values and every registered secret hidden unless `--show-secrets`).
    package func renderData(_ result: RunResult) throws -> Data {
        Data(Redaction.redact(text: try self.render(result)).utf8)
    }

    /// Renders the report and writes it to `url` atomically.
    package func write(_ result: RunResult, to url: URL) throws {
        try self.renderData(result).write(to: url, options: .atomic)
    }
}
