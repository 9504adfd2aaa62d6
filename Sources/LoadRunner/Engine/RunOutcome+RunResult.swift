import Foundation
package import RunResults

extension RunOutcome {
    /// The run as a `RunResult` of kind `run`, the source of report.json, report.html and junit.xml.
    package func runResult(commandLine: [String], toolVersion: String) -> RunResult {
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
            interrupted: self.interrupted
        )
        if self.abortedBy != nil || self.interrupted { result.verdict = .failed }
        return result
    }
}
