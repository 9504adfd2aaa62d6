import Foundation
import LoadMetrics
import RunResults
import Scenario

/// Small results for the RunResults tests.
enum Results {
    static let start = Date(timeIntervalSince1970: 1_767_323_045)

    static func environment(host: String = "h1", start: Date = Results.start, seconds: Double = 10) -> RunEnvironment {
        RunEnvironment(
            hostname: host,
            cores: 2,
            openFilesSoftLimit: 1024,
            openFilesHardLimit: 4096,
            operatingSystem: "Linux 6.1.0",
            startedAt: start,
            endedAt: start.addingTimeInterval(seconds),
            durationSeconds: seconds
        )
    }

    static func result(
        metrics: MetricsSnapshot = MetricsSnapshot(),
        timeSeries: TimeSeries = TimeSeries(),
        scenario: String = "echo",
        kind: RunKind = .run,
        shard: String? = nil,
        host: String = "h1",
        seconds: Double = 10,
        checks: [CheckOutcome] = [],
        thresholds: [ThresholdOutcome] = []
    ) -> RunResult {
        RunResult(
            tool: ToolInfo(version: "0.1.0"),
            commandLine: ["wsprobe", "run", "echo.yaml"],
            kind: kind,
            scenarioName: scenario,
            scenario: .object(["name": .string(scenario)]),
            environment: environment(host: host, seconds: seconds),
            shard: shard,
            metrics: metrics,
            timeSeries: timeSeries,
            checks: checks,
            thresholds: thresholds
        )
    }
}

/// A seeded generator (SplitMix64) so random inputs are reproducible.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
