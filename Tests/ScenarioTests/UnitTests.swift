import Scenario
import Testing

@Suite("Human units")
struct UnitTests {
    @Test(
        "Durations parse into exact nanoseconds",
        arguments: [
            ("250ms", Duration.milliseconds(250)), ("30s", .seconds(30)), ("2m", .seconds(120)),
            ("1h30m", .seconds(5400)), ("1.5s", .milliseconds(1500)), ("0s", .zero), ("1ns", .nanoseconds(1)),
            ("10us", .microseconds(10)), ("10µs", .microseconds(10)), ("1h2m3s4ms", .milliseconds(3_723_004)),
            ("0.1s", .milliseconds(100)), ("744h", .seconds(744 * 3600)),
        ]
    )
    func durations(text: String, expected: Duration) throws {
        #expect(try Duration.parseHuman(text) == expected)
    }

    @Test(
        "Malformed durations are rejected with a precise message",
        arguments: [
            ("30", "no unit"), ("", "found nothing"), ("5 sec", "contains a space"), ("5sec", "unknown duration unit"),
            ("-1s", "not a duration"), ("30m1h", "largest unit first"), ("1s1s", "largest unit first"),
            ("s", "not a duration"), (".5s", "not a duration"), ("745h", "31-day maximum"),
            ("1e3s", "no sign or exponent"), ("1E-3s", "no sign or exponent"),
        ]
    )
    func badDurations(text: String, fragment: String) {
        #expect {
            try Duration.parseHuman(text)
        } throws: { error in
            guard let error = error as? UnitError else { return false }
            return error.code == .duration && error.message.contains(fragment)
        }
    }

    @Test(
        "Rates parse per second",
        arguments: [
            ("200/s", 200.0), ("12000/m", 200.0), ("3600/h", 1.0), ("0/s", 0.0), ("0.5/s", 0.5),
            ("100000000/s", 100_000_000.0),
        ]
    )
    func rates(text: String, perSecond: Double) throws {
        #expect(try Rate.parse(text).perSecond == perSecond)
    }

    @Test("Malformed rates are rejected", arguments: ["200", "200/sec", "/s", "200/", "-1/s", "200/d", "200000000/s"])
    func badRates(text: String) {
        #expect(throws: UnitError.self) { try Rate.parse(text) }
    }

    @Test(
        "Sizes parse with decimal and binary units",
        arguments: [
            ("64B", 64), ("1KB", 1000), ("64KiB", 65536), ("1MiB", 1_048_576), ("1MB", 1_000_000), ("1GiB", 1 << 30),
            ("0B", 0), ("1.5KiB", 1536), ("1TB", nil), ("1099511627776B", 1 << 40),
        ] as [(String, Int?)]
    )
    func sizes(text: String, bytes: Int?) throws {
        if let bytes {
            #expect(try ByteSize.parse(text).bytes == bytes)
        } else {
            #expect(throws: UnitError.self) { try ByteSize.parse(text) }
        }
    }

    @Test(
        "A number with an exponent is refused as such, not as a missing unit",
        arguments: ["1e308/s", "1e3/s", "2E+2/m"]
    )
    func exponentRates(text: String) {
        #expect {
            try Rate.parse(text)
        } throws: { error in
            guard let error = error as? UnitError else { return false }
            return error.message.contains("no sign or exponent") && !error.message.contains("no time unit")
        }
    }

    @Test("Malformed sizes are rejected", arguments: ["64", "64kb", "64 KiB x", "1.5B", "KiB", "1099511627777B"])
    func badSizes(text: String) {
        #expect(throws: UnitError.self) { try ByteSize.parse(text) }
    }

    @Test("Percentages parse as fractions and stop at 100%")
    func percentages() throws {
        #expect(try Percentage.parse("99.9%").fraction == 0.999)
        #expect(try Percentage.parse("100%").fraction == 1)
        #expect(try Percentage.parse("0%").fraction == 0)
        #expect(throws: UnitError.self) { try Percentage.parse("100.1%") }
        #expect(throws: UnitError.self) { try Percentage.parse("99.9") }
        #expect(throws: UnitError.self) { try Percentage.parse("%") }
        #expect(throws: UnitError.self) { try Percentage.parse("5%%") }
    }

    @Test("Durations render compactly")
    func rendering() {
        #expect(Duration.seconds(90).humanDescription == "90s")
        #expect(Duration.seconds(120).humanDescription == "2m")
        #expect(Duration.milliseconds(1500).humanDescription == "1.5s")
        #expect(Duration.milliseconds(250).humanDescription == "250ms")
        #expect(Duration.zero.humanDescription == "0s")
    }
}
