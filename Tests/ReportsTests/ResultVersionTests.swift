import Foundation
import Reports
import RunResults
import Testing

/// Schema version 2 is the one result of `run` and `check`; version-1 files written before it still load.
@Suite("Result schema versions")
struct ResultVersionTests {
    @Test("a committed version-1 report.json decodes to the result it was written from and renders")
    func versionOne() throws {
        let url = Tool.fixtures.appendingPathComponent("report-v1.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("\"schemaVersion\" : 1,"), "the fixture is a version-1 file")
        let result = try RunResult.load(contentsOf: url)
        #expect(result == FixedResult.make())
        #expect(result.schemaVersion == RunResult.currentSchemaVersion, "read results are upgraded in memory")
        #expect(result.loadDetails == nil)
        #expect(try JSONReportWriter().render(result) == (try JSONReportWriter().render(FixedResult.make())))
        #expect(EngineSummary.text(result) == nil)
    }

    @Test("a version-1 check (timed phases only, no detail or verdict per phase) decodes; its view is the summary")
    func versionOneCheck() throws {
        var old = FixedResult.empty()
        old.checkDetails = CheckDetails(
            phases: [PhaseTiming(phase: "dns", milliseconds: 0.4), PhaseTiming(phase: "tcp", milliseconds: 1.25)],
            echoRoundTripsMilliseconds: [0.9]
        )
        var object = try #require(try JSONSerialization.jsonObject(with: try old.jsonData()) as? [String: Any])
        var details = try #require(object["checkDetails"] as? [String: Any])
        let phases = try #require(details["phases"] as? [[String: Any]])
        details["phases"] = phases.map { $0.filter { $0.key == "phase" || $0.key == "milliseconds" } }
        object["checkDetails"] = details
        object["schemaVersion"] = 1
        let decoded = try RunResult.decode(try JSONSerialization.data(withJSONObject: object), source: "v1.json")
        #expect(decoded.checkDetails == old.checkDetails, "phases of version 1 were the passed ones")
        #expect(decoded.checkDetails?.phases.allSatisfy(\.passed) == true)
        #expect(ConsoleText.render(decoded, colors: false) == ConsoleSummary(colors: false).render(decoded))
    }

    @Test("version-2 results round-trip: a run with load details, passed and failed checks with every detail")
    func versionTwoRoundTrip() throws {
        for result in [FixedCheck.run(), FixedCheck.passed(), FixedCheck.refused()] {
            let data = try result.jsonData()
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.contains("\"schemaVersion\" : 2,"))
            let decoded = try RunResult.decode(data, source: "v2.json")
            #expect(decoded == result)
            #expect(try decoded.jsonData() == data, "re-encodes to identical bytes")
        }
        let run = String(decoding: try FixedCheck.run().jsonData(), as: UTF8.self)
        #expect(run.contains("\"limits\" : {\n      \"ports\" : 40,\n      \"target\" : 2\n    }"), "\(run)")
        #expect(run.contains("\"limitHit\" : \"ports\""))
    }

    @Test("a newer schema version is refused with result.schema-version")
    func newer() throws {
        var object = try #require(
            try JSONSerialization.jsonObject(with: try FixedCheck.run().jsonData()) as? [String: Any]
        )
        object["schemaVersion"] = RunResult.currentSchemaVersion + 1
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: ResultFileError.unsupportedSchemaVersion(source: "new.json", found: 3, supported: 2)) {
            _ = try RunResult.decode(data, source: "new.json")
        }
    }

    @Test("merged shards add their load details and drop the client cost of one process")
    func mergedLoadDetails() throws {
        var first = FixedCheck.run()
        first.shard = "1/2"
        var second = FixedCheck.run()
        second.shard = "2/2"
        let merged = try #require(try RunResult.merging([first, second]).loadDetails)
        #expect(merged.limits == [.ports: 80, .target: 4])
        #expect(merged.limitHit == .ports)
        #expect(merged.connectionsPerSecond == 1625)
        #expect(merged.unsolicitedMessages == 6)
        #expect(merged.skippedSends == 14)
        #expect(merged.expectedStatusAnswers == 200)
        #expect(merged.clientCost == nil)
    }
}
