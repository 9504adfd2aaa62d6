import ALBConfig
import Testing

struct DurationTextTests {
    @Test(
        "Heartbeat durations parse to milliseconds",
        arguments: [
            ("30s", 30_000), ("500ms", 500), ("2m", 120_000), ("1.5s", 1500), ("45", 45_000), (" 10S ", 10_000),
        ]
    )
    func parses(text: String, milliseconds: Int) {
        #expect(DurationText.milliseconds(text) == milliseconds)
    }

    @Test("Non-durations are rejected", arguments: ["", "s", "-5s", "0s", "abc", "10 parsecs", "1e300s", "nan"])
    func rejects(text: String) {
        #expect(DurationText.milliseconds(text) == nil)
    }
}
