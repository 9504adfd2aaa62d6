import Foundation
import RunResults

/// Results of each `wsprobe probe`, with fixed dates: every part of the findings set.
enum ProbeSamples {
    static let start = Date(timeIntervalSince1970: 1_767_323_045)  // 2026-01-02T03:04:05Z

    static func result(_ details: ProbeDetails) -> RunResult {
        var result = RunResult(
            probe: details,
            commandLine: ["wsprobe", "probe"],
            toolVersion: "0.0.0-test",
            startedAt: Self.start,
            endedAt: Self.start.addingTimeInterval(126.5)
        )
        result.environment.hostname = "ci-host"
        return result
    }

    static let tcpFIN = IdleProbeClosure(code: 1006, reason: "", closeFrame: false, wasClean: false, tcpEnd: .fin)

    static func idle(expectationMet: Bool = true) -> IdleProbeDetails {
        IdleProbeDetails(
            url: "ws://alb.example/chat",
            maximumSeconds: 120,
            resolutionSeconds: 1,
            parallel: 8,
            silentClosed: 8,
            cutoffSeconds: 50.012,
            latestCloseSeconds: 50.4,
            closure: Self.tcpFIN,
            keepAlive: [
                IdleProbeKeepAlive(
                    mode: .ping,
                    intervalSeconds: 16.671,
                    holdSeconds: 75.012,
                    keptOpen: true,
                    heartbeatsSent: 4,
                    repliesReceived: 4
                ),
                IdleProbeKeepAlive(
                    mode: .pong,
                    intervalSeconds: 16.671,
                    holdSeconds: 75.012,
                    keptOpen: false,
                    closedAfterSeconds: 50.02,
                    closure: Self.tcpFIN,
                    heartbeatsSent: 3
                ),
                IdleProbeKeepAlive(
                    mode: .data,
                    intervalSeconds: 16.671,
                    holdSeconds: 75.012,
                    keptOpen: nil,
                    failure: "tcp.refused: refused"
                ),
            ],
            safeHeartbeatSeconds: 25,
            advice: "Send a ping heartbeat at most every 25 s.",
            failures: ["tcp.refused: refused"],
            expectation: IdleProbeExpectation(seconds: expectationMet ? 50 : 60, toleranceSeconds: 5),
            expectationMet: expectationMet,
            durationSeconds: 126.5,
            silentPhaseSeconds: 51,
            keepAlivePhaseSeconds: 75.5
        )
    }

    static func deflate() -> DeflateProbeDetails {
        DeflateProbeDetails(
            url: "wss://alb.example/chat",
            insecure: true,
            targetNote: nil,
            rows: [
                DeflateProbeRow(
                    offer: "permessage-deflate",
                    answer: .accepted,
                    response: "permessage-deflate",
                    echoBytes: .init(payload: 8192, wireSent: 170, wireReceived: 150),
                    upgradeMilliseconds: 1.5
                ),
                DeflateProbeRow(
                    offer: "permessage-deflate; client_max_window_bits",
                    answer: .declined,
                    echoBytes: .init(payload: 8192, wireSent: 8220, wireReceived: 8210),
                    upgradeMilliseconds: 1.25
                ),
                DeflateProbeRow(
                    offer: "permessage-deflate; server_max_window_bits=10",
                    answer: .failed,
                    failure: .init(
                        phase: "upgrade",
                        code: "deflate.unexpected-parameter",
                        message: "The server answered a parameter not offered."
                    ),
                    upgradeMilliseconds: 2
                ),
            ]
        )
    }

    static func rate() -> RateSearchDetails {
        RateSearchDetails(
            scenario: "rate-cli",
            target: "ws://127.0.0.1:1/",
            stepSeconds: 1,
            fromRate: 5,
            toRate: 10,
            steps: [
                RateSearchStep(
                    rate: 5,
                    passed: true,
                    sent: 5,
                    received: 5,
                    p50Microseconds: 50,
                    p99Microseconds: 200,
                    warmUpSeconds: 1
                ),
                RateSearchStep(
                    rate: 10,
                    passed: false,
                    sent: 10,
                    received: 9,
                    lost: 1,
                    failedThresholds: ["count(messages_lost) == 0 (observed 1)"],
                    warmUpSeconds: 1.2
                ),
            ],
            highestPassingRate: 5,
            conclusion: "highest passing rate 5/s; 10/s failed",
            interrupted: false
        )
    }
}
