import ALBConfig
import Scenario
import Testing

struct DurationTextTests {
    @Test(
        "Heartbeat durations parse to milliseconds",
        arguments: [
            ("30s", 30_000), ("500ms", 500), ("2m", 120_000), ("1.5s", 1500), ("1m30s", 90_000),
        ]
    )
    func parses(text: String, milliseconds: Int) {
        #expect(DurationText.milliseconds(text) == milliseconds)
    }

    @Test(
        "Non-durations, bare numbers and upper-case units are rejected (one duration rule: a unit is required)",
        arguments: ["", "s", "-5s", "0s", "abc", "10 parsecs", "1e300s", "nan", "45", "30", " 10S "]
    )
    func rejects(text: String) {
        #expect(DurationText.milliseconds(text) == nil)
    }
}

@Test("A bare number names the unit to add")
func bareNumberHint() {
    guard case .failure(let error) = DurationText.parseMilliseconds("30") else {
        Issue.record("a bare number was accepted")
        return
    }
    #expect(error.message.contains("write e.g. 30s"))
}
