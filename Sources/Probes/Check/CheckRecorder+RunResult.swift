package import Foundation
import LoadMetrics
package import RunResults
import WSProtocol

extension CheckRecorder {
    /// The check as a `RunResult` of kind `check`: what `--json` prints and `--out` writes, and what the console
    /// text, HTML and JUnit reports are views of.
    ///
    /// Each phase becomes a check outcome (one JUnit test case) named `<phase>: <target>`; phase durations and echo
    /// round trips go into the same histograms a load run fills, so `report`, `merge` and `compare` work on check
    /// results too.
    ///
    /// - Parameter target: How check names identify the target, stable from run to run (the built-in target's
    ///   ephemeral port must not rename every test case); defaults to the URL as checked (secrets redacted).
    package func runResult(
        commandLine: [String],
        toolVersion: String,
        startedAt: Date,
        endedAt: Date,
        target: String? = nil
    ) -> RunResult {
        let target = target ?? self.url
        var metrics = MetricsSnapshot()
        metrics.add(1, to: .connectionAttempts)
        let opened = self.phases.contains { $0.name == "upgrade" && $0.passed }
        metrics.add(1, to: opened ? .upgradesOK : .upgradesFailed)
        let histograms: [String: HistogramMetric] = [
            "dns": .dns, "tcp": .tcpConnect, "tls": .tlsHandshake, "upgrade": .wsUpgrade, "close": .closeHandshake,
        ]
        for phase in self.phases {
            if let metric = histograms[phase.name], let milliseconds = phase.milliseconds {
                metrics.record(metric, Self.microseconds(milliseconds))
            }
        }
        // The connect total a load run records: from the name lookup to the 101 (the set-up phases together).
        if opened {
            let setUp = self.phases.filter { Self.setUpPhases.contains($0.name) }.compactMap(\.milliseconds)
            metrics.record(.connectTotal, Self.microseconds(setUp.reduce(0, +)))
        }
        if let identity = self.targetIdentity { metrics.addTargetIdentity(identity) }
        for echo in self.echoMilliseconds {
            metrics.record(.messageRTT, Self.microseconds(echo))
        }
        metrics.add(UInt64(self.echoMilliseconds.count), to: .messagesSent)
        metrics.add(UInt64(self.echoMilliseconds.count), to: .messagesReceived)
        if let ping = self.pingMilliseconds {
            metrics.record(.pingRTT, Self.microseconds(ping))
        }
        var samples = ErrorSamples()
        if let failure = self.failure {
            metrics.addError(code: failure.code)
            _ = samples.record(ErrorSample(message: failure.message, phase: failure.phase), code: failure.code)
        }
        if let close = self.close {
            metrics.addClose(CloseKey(code: close.code, initiator: close.initiatedBy == "wsprobe" ? .client : .server))
        }
        return RunResult(
            tool: ToolInfo(version: toolVersion),
            commandLine: commandLine,
            kind: .check,
            scenarioName: "check",
            environment: .current(
                startedAt: startedAt,
                endedAt: endedAt,
                durationSeconds: endedAt.timeIntervalSince(startedAt)
            ),
            metrics: metrics,
            errorSamples: samples,
            upgrade: self.upgradeDetails,
            checks: self.phases.map { phase in
                CheckOutcome(
                    name: "\(phase.name): \(target)",
                    passed: phase.passed,
                    message: phase.passed ? phase.detail : (self.failure?.message ?? phase.detail),
                    observed: phase.milliseconds.map { CheckFormat.milliseconds($0) },
                    phase: phase.name,
                    code: phase.passed ? nil : (self.failure?.code ?? phase.detail)
                )
            } + self.failureOutsidePhases(target: target),
            verdict: self.passed ? .passed : .failed,
            checkDetails: self.details
        )
    }

    /// Everything the check saw beyond the metrics and the upgrade exchange.
    private var details: CheckDetails {
        var details = CheckDetails(
            url: self.url,
            insecure: self.insecure ? true : nil,
            phases: self.phases.map {
                PhaseTiming(phase: $0.name, milliseconds: $0.milliseconds, detail: $0.detail, passed: $0.passed)
            },
            failure: self.failure,
            echoRoundTripsMilliseconds: self.echoMilliseconds,
            unsolicitedMessages: self.unsolicitedMessages > 0 ? self.unsolicitedMessages : nil
        )
        details.unsolicitedSamples = self.unsolicitedSamples.isEmpty ? nil : self.unsolicitedSamples
        details.resolvedAddresses = self.resolvedAddresses.isEmpty ? nil : self.resolvedAddresses
        details.remoteAddress = self.remoteAddress
        details.localAddress = self.localAddress
        details.echoBytes = self.echoBytes
        details.pingMilliseconds = self.pingMilliseconds
        details.close = self.close
        details.totalMilliseconds = self.totalMilliseconds
        return details
    }

    /// The phases from the name lookup to the 101, which together make a connection's `connect_total`.
    private static let setUpPhases: Set<String> = ["dns", "tcp", "tls", "upgrade"]

    /// The identity the target reported in the 101's `X-Wsprobe-Target` header (what a load run counts per
    /// target), if any.
    private var targetIdentity: String? {
        guard self.responseHead.first?.contains(" 101 ") ?? false else { return nil }
        let name = RouteIdentity.defaultHeader.lowercased() + ":"
        let line = self.responseHead.dropFirst().first { $0.lowercased().hasPrefix(name) }
        let value = line.map { $0.dropFirst(name.count).trimmingCharacters(in: .whitespaces) }
        return value.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A failure not attached to a failed phase line (e.g. an early close) still fails the JUnit suite.
    private func failureOutsidePhases(target: String) -> [CheckOutcome] {
        guard let failure = self.failure, !self.phases.contains(where: { !$0.passed }) else { return [] }
        return [
            CheckOutcome(
                name: "\(failure.phase): \(target)",
                passed: false,
                message: failure.message,
                phase: failure.phase,
                code: failure.code
            )
        ]
    }

    /// The exchange and the TLS session, when the check got as far as either (a failed TLS handshake has a
    /// session to show but no exchange).
    private var upgradeDetails: UpgradeDetails? {
        guard !self.requestHead.isEmpty || !self.responseHead.isEmpty || self.tls != nil else { return nil }
        return UpgradeDetails(
            request: Self.head(self.requestHead),
            response: Self.head(self.responseHead),
            subprotocol: self.subprotocol,
            extensions: self.negotiatedExtensions,
            tls: self.tls
        )
    }

    private var negotiatedExtensions: [NegotiatedExtension] {
        guard let text = self.extensions, let parsed = try? ExtensionHeader.parse(text) else { return [] }
        return parsed.map { element in
            NegotiatedExtension(
                name: element.name,
                parameters: element.parameters.map { .init(name: $0.name, value: $0.value) }
            )
        }
    }

    private static func head(_ lines: [String]) -> HTTPHead? {
        guard let startLine = lines.first else { return nil }
        let headers = lines.dropFirst().map { line -> HeaderField in
            guard let colon = line.firstIndex(of: ":") else { return HeaderField(name: line, value: "") }
            let value = line[line.index(after: colon)...].drop { $0 == " " }
            return HeaderField(name: String(line[..<colon]), value: String(value))
        }
        return HTTPHead(startLine: startLine, headers: Array(headers))
    }

    private static func microseconds(_ milliseconds: Double) -> UInt64 {
        UInt64(max(0, (milliseconds * 1000).rounded()))
    }
}
