import Foundation
import Reports
import RunResults
import Testing

/// junit.xml of a `check`: each phase's test case carries the time the phase took.
@Suite("JUnit times of a check")
struct JUnitCheckTimeTests {
    @Test("A check's phase test cases carry the measured phase time; checks without a time carry 0")
    func phaseTimes() throws {
        var result = FixedResult.empty()
        result.checks = [
            CheckOutcome(name: "dns: built-in echo target", passed: true, message: "ok", phase: "dns"),
            CheckOutcome(name: "upgrade: built-in echo target", passed: true, message: "101", phase: "upgrade"),
            CheckOutcome(name: "weights", passed: true, message: "ok"),
        ]
        result.checkDetails = CheckDetails(
            phases: [PhaseTiming(phase: "dns", milliseconds: 12.6), PhaseTiming(phase: "upgrade", milliseconds: 1250)],
            echoRoundTripsMilliseconds: []
        )
        let xml = try JUnitReportWriter().render(result)
        #expect(xml.contains(#"<testcase name="dns: built-in echo target" classname="wsprobe.checks" time="0.013"/>"#))
        #expect(
            xml.contains(#"<testcase name="upgrade: built-in echo target" classname="wsprobe.checks" time="1.250"/>"#)
        )
        #expect(xml.contains(#"<testcase name="weights" classname="wsprobe.checks" time="0.000"/>"#))
    }

    @Test("A check with a time of its own (a routing row, the weight check) carries it in JUnit and report.json")
    func ownTimes() throws {
        var result = FixedResult.empty()
        var route = CheckOutcome(name: "route chat", passed: false, message: "misrouted", phase: "upgrade")
        route.seconds = 0.0421
        var weights = CheckOutcome(name: "weights", passed: true, message: "fits")
        weights.seconds = 3.5
        result.checks = [route, weights]
        let xml = try JUnitReportWriter().render(result)
        #expect(xml.contains(#"<testcase name="route chat" classname="wsprobe.checks" time="0.042">"#))
        #expect(xml.contains(#"<testcase name="weights" classname="wsprobe.checks" time="3.500"/>"#))
        let decoded = try RunResult.decode(try result.jsonData(), source: "test")
        #expect(decoded.checks.map(\.seconds) == [0.0421, 3.5])
    }
}
