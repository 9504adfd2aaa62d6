import Foundation
package import RunResults
package import Scenario

extension RunOutcome {
    /// The run as a `RunResult` of kind `run`, the source of report.json, report.html, junit.xml and the
    /// console: the one conversion of the engine's outcome; `scenario` is the scenario document as run
    /// (redacted by `RunResult`).
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
        result.loadDetails = self.loadDetails
        return result
    }

    /// The engine's figures that no metric holds.
    private var loadDetails: LoadDetails {
        LoadDetails(
            limits: self.limits,
            limitHit: self.limitHit,
            connectionsPerSecond: self.connectionsPerSecond,
            unsolicitedMessages: self.unsolicitedMessages,
            skippedSends: self.skippedSends,
            expectedStatus: self.expectedStatus,
            expectedStatusAnswers: self.expectedStatus == nil ? nil : self.expectedStatusAnswers,
            warmUpSeconds: self.warmUpSeconds,
            clientCost: ClientCost(
                usage: Self.usage(self.client.usage),
                baseline: Self.usage(self.client.baseline),
                fileLimit: ClientCost.FileLimit(
                    softBefore: self.client.fileLimit.softBefore,
                    soft: self.client.fileLimit.soft,
                    hard: self.client.fileLimit.hard
                ),
                peakConnections: self.client.peakConnections,
                cpuSecondsPerConnection: self.client.cpuSecondsPerConnection,
                rssBytesPerConnection: self.client.rssBytesPerConnection,
                heldRSSBytesPerConnection: self.client.heldRSSBytesPerConnection,
                heldConnections: self.client.heldConnections
            )
        )
    }

    private static func usage(_ usage: ResourceUsage) -> ClientCost.Usage {
        ClientCost.Usage(
            userCPUSeconds: usage.userCPUSeconds,
            systemCPUSeconds: usage.systemCPUSeconds,
            maxRSSBytes: usage.maxRSSBytes
        )
    }
}
