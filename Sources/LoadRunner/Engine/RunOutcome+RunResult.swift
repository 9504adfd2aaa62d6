import Foundation
package import RunResults
package import Scenario

extension RunOutcome {
    /// The run as a `RunResult` of kind `run`, the source of report.json, report.html and junit.xml;
    /// `scenario` is the scenario document as run (redacted by `RunResult`).
    package func runResult(commandLine: [String], toolVersion: String, scenario: JSONValue? = nil) -> RunResult {
        let info = ProcessInfo.processInfo
        #if os(Linux)
        let system = "Linux"
        #else
        let system = "macOS"
        #endif
        let version = info.operatingSystemVersion
        var result = RunResult(
            tool: ToolInfo(version: toolVersion),
            commandLine: commandLine,
            kind: .run,
            scenarioName: self.scenario,
            scenario: scenario,
            environment: RunEnvironment(
                hostname: info.hostName,
                cores: info.activeProcessorCount,
                openFilesSoftLimit: self.client.fileLimit.soft,
                openFilesHardLimit: self.client.fileLimit.hard,
                operatingSystem: "\(system) \(version.majorVersion).\(version.minorVersion).\(version.patchVersion)",
                startedAt: self.startedAt,
                endedAt: self.endedAt,
                durationSeconds: self.elapsedSeconds,
                plannedDurationSeconds: self.plannedSeconds
            ),
            shard: self.shard == "0/1" ? nil : self.shard,
            metrics: self.totals,
            timeSeries: self.timeSeries,
            errorSamples: self.errorSamples,
            upgrade: self.upgrade,
            checks: self.statusCheck.map { [$0] } ?? [],
            thresholds: self.thresholds,
            errorReason: self.nothingMeasured,
            abortedBy: self.abortedBy,
            interrupted: self.interrupted
        )
        if self.interrupted, result.verdict == .passed { result.verdict = .failed }
        return result
    }
}
