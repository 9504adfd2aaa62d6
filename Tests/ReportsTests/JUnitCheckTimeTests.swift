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
}
