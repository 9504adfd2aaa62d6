import Foundation
import LoadMetrics
import Reports
import RunResults
import Testing

/// Rendered reports checked by independent validators: Python's `jsonschema` for report.json,
/// `xmllint --schema` for junit.xml, Python's HTML parser for report.html.
@Suite("Report validation")
struct ReportValidationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Results covering every optional part: full, empty, interrupted shard, check run, merged, each probe.
    static func samples() throws -> [(String, RunResult)] {
        var shard = FixedResult.make()
        shard.shard = "2/3"
        shard.interrupted = true
        shard.abortedBy = "rate(errors) < 1%"
        var check = FixedResult.empty()
        check.errorReason = "no connection upgraded (1 attempted: tcp.refused ×1)"
        check.checkDetails = CheckDetails(
            phases: [
                PhaseTiming(phase: "dns", milliseconds: 0.4), PhaseTiming(phase: "tcp_connect", milliseconds: 1.25),
            ],
            echoRoundTripsMilliseconds: [0.9, 1.1],
            unsolicitedMessages: 1
        )
        var first = FixedResult.make()
        first.shard = "1/2"
        var second = FixedResult.make()
        second.shard = "2/2"
        return [
            ("full", FixedResult.make()), ("empty", FixedResult.empty()), ("shard", shard), ("check", check),
            ("merged", try RunResult.merging([first, second])), ("weights", WeightSample.result()),
            ("drain", DrainResult.make()), ("drain-merged", try Self.mergedDrain()),
            ("check-passed", FixedCheck.passed()), ("check-refused", FixedCheck.refused()),
            ("run-engine", FixedCheck.run()),
            ("run-engine-merged", try Self.mergedEngine()),
            ("probe-idle", ProbeSamples.result(ProbeDetails(idle: ProbeSamples.idle(expectationMet: false)))),
            ("probe-deflate", ProbeSamples.result(ProbeDetails(deflate: ProbeSamples.deflate()))),
            ("probe-rate", ProbeSamples.result(ProbeDetails(rate: ProbeSamples.rate()))),
        ]
    }

    /// Two shards of a run with load details.
    static func mergedEngine() throws -> RunResult {
        var first = FixedCheck.run()
        first.shard = "1/2"
        var second = FixedCheck.run()
        second.shard = "2/2"
        return try RunResult.merging([first, second])
    }

    /// Two shards of a drain run.
    static func mergedDrain() throws -> RunResult {
        var first = DrainResult.make()
        first.shard = "1/2"
        var second = DrainResult.make()
        second.shard = "2/2"
        return try RunResult.merging([first, second])
    }

    @Test("Every encoded result validates against docs/report.schema.json (Python jsonschema)")
    func jsonSchema() throws {
        let python = try #require(
            Tool.find("python3"),
            "python3 is needed to validate report.json; run scripts/install-test-peers.sh"
        )
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for (name, result) in try Self.samples() {
            let url = directory.appendingPathComponent("\(name).json")
            try JSONReportWriter().write(result, to: url)
            paths.append(url.path)
        }
        let script = """
            import json, sys
            import jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
            bad = 0
            for path in sys.argv[2:]:
                for error in validator.iter_errors(json.load(open(path))):
                    bad += 1
                    print(path, error.json_path, error.message[:300])
            sys.exit(1 if bad else 0)
            """
        let schema = Self.repository.appendingPathComponent("docs/report.schema.json").path
        let output = try Tool.run(python, ["-c", script, schema] + paths)
        #expect(output.status == 0, "schema violations:\n\(output.stdout)\(output.stderr)")
    }

    @Test("The schema rejects a report with a wrong type or an unknown key (the validation can fail)")
    func schemaRejects() throws {
        let python = try #require(Tool.find("python3"))
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            report = json.loads(sys.argv[2])
            report["verdict"] = "maybe"
            report["surprise"] = 1
            errors = list(jsonschema.Draft202012Validator(schema).iter_errors(report))
            sys.exit(0 if len(errors) == 2 else 1)
            """
        let json = try JSONReportWriter().render(FixedResult.empty())
        let schema = Self.repository.appendingPathComponent("docs/report.schema.json").path
        let output = try Tool.run(python, ["-c", script, schema, json])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
    }

    @Test("junit.xml validates against the JUnit XSD with xmllint")
    func junitSchema() throws {
        let xmllint = try #require(
            Tool.find("xmllint"),
            "xmllint is missing: install the Debian package libxml2-utils (scripts/install-test-peers.sh)"
        )
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let xsd = Tool.fixtures.appendingPathComponent("junit.xsd").path
        for (name, result) in try Self.samples() {
            let url = directory.appendingPathComponent("\(name).xml")
            try JUnitReportWriter().write(result, to: url)
            let output = try Tool.run(xmllint, ["--noout", "--schema", xsd, url.path])
            #expect(output.status == 0, "\(name): \(output.stderr)")
        }
    }

    @Test("The XSD rejects a testsuite without a name (the validation can fail)")
    func junitSchemaRejects() throws {
        let xmllint = try #require(Tool.find("xmllint"), "install libxml2-utils")
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("bad.xml")
        try Data("<testsuites><testsuite tests=\"x\"/></testsuites>".utf8).write(to: url)
        let output = try Tool.run(
            xmllint,
            ["--noout", "--schema", Tool.fixtures.appendingPathComponent("junit.xsd").path, url.path]
        )
        #expect(output.status != 0)
    }

    @Test("JUnit counts one testcase per check and threshold and a failure for each that failed")
    func junitCounts() throws {
        let xml = try JUnitReportWriter().render(FixedResult.make())
        #expect(xml.components(separatedBy: "<testcase ").count - 1 == 4)
        #expect(xml.components(separatedBy: "<failure ").count - 1 == 2)
        #expect(xml.contains("<testsuite name=\"echo-load\" tests=\"4\" failures=\"2\" errors=\"0\""))
        #expect(xml.contains("type=\"handshake.unexpected-status\""))
        #expect(xml.contains("observed: 4%\nlimit: &lt; 1%"))
    }

    @Test("A run with verdict error gets an error testcase so CI cannot pass on no data")
    func junitError() throws {
        let xml = try JUnitReportWriter().render(FixedResult.empty())
        #expect(xml.contains("errors=\"1\""))
        #expect(
            xml.contains(
                "<error message=\"Nothing measured: the run could not produce a measurement.\" type=\"run.error\">"
            )
        )
    }

    @Test("Control characters from peers are replaced so junit.xml stays well-formed")
    func junitControlCharacters() throws {
        var result = FixedResult.empty()
        result.checks = [CheckOutcome(name: "bell\u{07}", passed: false, message: "nul\u{00}byte")]
        let xml = try JUnitReportWriter().render(result)
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(xml.contains("bell\u{FFFD}"))
    }
}
