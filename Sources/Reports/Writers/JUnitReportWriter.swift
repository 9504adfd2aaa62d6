import Foundation
import ResultCodes
package import RunResults

/// `junit.xml` for CI systems: one `<testsuite>` named after the scenario, one `<testcase>` per check
/// and per threshold, a `<failure>` with the observed value and the limit for each that failed.
///
/// The layout follows the JUnit schema Jenkins, GitLab and GitHub reporters accept (Ant's format as
/// described by Jenkins' `junit-10.xsd`); `Tests/ReportsTests/Fixtures/junit.xsd` checks it. A run
/// whose verdict is `error` gets an extra test case with an `<error>`, so a CI job cannot go green on
/// a run that measured nothing.
package struct JUnitReportWriter: ReportWriter {
    package init() {}

    package var defaultFileName: String { "junit.xml" }

    package func render(_ result: RunResult) throws -> String {
        var cases: [String] = []
        var failures = 0
        var errors = 0
        for check in result.checks {
            var body = ""
            if !check.passed {
                failures += 1
                let detail = [
                    check.observed.map { "observed: \($0)" }, check.expected.map { "expected: \($0)" },
                    check.phase.map { "phase: \($0)" }, "message: \(check.message)",
                ].compactMap { $0 }.joined(separator: "\n")
                body = Self.element(
                    "failure",
                    attributes: [("message", check.message), ("type", check.code ?? ErrorCode.checkFailed.rawValue)],
                    text: detail
                )
            }
            cases.append(
                Self.testcase(
                    name: check.name,
                    classname: "wsprobe.checks",
                    body: body,
                    seconds: Self.measuredSeconds(of: check, in: result)
                )
            )
        }
        for threshold in result.thresholds {
            var body = ""
            if !threshold.passed {
                failures += 1
                let message = "\(threshold.expression): observed \(threshold.observedText), limit \(threshold.limit)"
                body = Self.element(
                    "failure",
                    attributes: [("message", message), ("type", ErrorCode.thresholdFailed.rawValue)],
                    text: "observed: \(threshold.observedText)\nlimit: \(threshold.limit)"
                        + (threshold.abortOnFail ? "\naborts the run: yes" : "")
                        + (threshold.expression == result.abortedBy ? "\nstopped the run: yes" : "")
                )
            }
            cases.append(Self.testcase(name: threshold.expression, classname: "wsprobe.thresholds", body: body))
        }
        if result.verdict == .error {
            errors += 1
            let message = ReportFormat.nothingMeasuredLine(result) ?? "Nothing measured."
            cases.append(
                Self.testcase(
                    name: "run",
                    classname: "wsprobe.run",
                    body: Self.element(
                        "error",
                        attributes: [("message", message), ("type", ErrorCode.runError.rawValue)],
                        text: message
                    )
                )
            )
        }
        let total = cases.count
        let time = Self.seconds(result.environment.durationSeconds)
        let timestamp = Self.timestamp(result.environment.startedAt)
        let properties =
            [
                ("wsprobe.version", result.tool.version), ("wsprobe.kind", result.kind.rawValue),
                ("wsprobe.verdict", result.verdict.rawValue), ("wsprobe.interrupted", String(result.interrupted)),
                ("wsprobe.shard", result.shard ?? "whole run"),
                ("wsprobe.command", result.commandLine.joined(separator: " ")),
            ] + (result.abortedBy.map { [("wsprobe.abortedBy", $0)] } ?? [])
        let propertyElements = properties.map {
            Self.element("property", attributes: [("name", $0.0), ("value", $0.1)])
        }
        let summary = ConsoleSummary(colors: false).render(result)

        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml +=
            Self.open(
                "testsuites",
                attributes: [
                    ("name", "wsprobe"), ("tests", String(total)), ("failures", String(failures)),
                    ("errors", String(errors)), ("time", time),
                ]
            ) + "\n"
        xml +=
            "  "
            + Self.open(
                "testsuite",
                attributes: [
                    ("name", result.scenarioName), ("tests", String(total)), ("failures", String(failures)),
                    ("errors", String(errors)), ("skipped", "0"), ("time", time), ("timestamp", timestamp),
                    ("hostname", result.environment.hostname), ("id", "0"), ("package", "wsprobe"),
                ]
            ) + "\n"
        xml += "    <properties>\n" + propertyElements.map { "      \($0)\n" }.joined() + "    </properties>\n"
        xml += cases.map { "    \($0)\n" }.joined()
        xml += "    " + Self.element("system-out", attributes: [], text: summary) + "\n"
        xml += "    <system-err></system-err>\n"
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    /// The time a check measured: its own `seconds` (a routing row, the weight check), else the duration of its
    /// phase in a `check` result; `0` for checks that measure no time of their own.
    private static func measuredSeconds(of check: CheckOutcome, in result: RunResult) -> Double {
        if let seconds = check.seconds { return seconds }
        guard let phase = check.phase,
            let milliseconds = result.checkDetails?.phases.first(where: { $0.phase == phase })?.milliseconds
        else { return 0 }
        return milliseconds / 1000
    }

    private static func testcase(name: String, classname: String, body: String, seconds: Double = 0) -> String {
        let attributes = [("name", name), ("classname", classname), ("time", Self.seconds(seconds))]
        guard !body.isEmpty else { return Self.element("testcase", attributes: attributes) }
        return Self.open("testcase", attributes: attributes) + body + "</testcase>"
    }

    private static func attributeText(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(XMLEscaping.escape($0.1))\"" }.joined()
    }

    private static func open(_ name: String, attributes: [(String, String)]) -> String {
        "<\(name)\(Self.attributeText(attributes))>"
    }

    private static func element(_ name: String, attributes: [(String, String)], text: String? = nil) -> String {
        guard let text else { return "<\(name)\(Self.attributeText(attributes))/>" }
        return Self.open(name, attributes: attributes) + XMLEscaping.escape(text) + "</\(name)>"
    }

    /// Seconds with millisecond precision, as JUnit's `time` attributes expect (`12.345`).
    private static func seconds(_ value: Double) -> String {
        let milliseconds = (Swift.max(0, value) * 1000).rounded()
        guard milliseconds < 9e15 else { return "0" }
        let whole = UInt64(milliseconds)
        let fraction = String(whole % 1000)
        return "\(whole / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// Ant's timestamp form: ISO 8601 without a zone designator (the time is UTC).
    private static func timestamp(_ date: Date) -> String {
        let text = date.formatted(Date.ISO8601FormatStyle())
        return text.hasSuffix("Z") ? String(text.dropLast()) : text
    }
}
