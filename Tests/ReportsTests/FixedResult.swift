import Foundation
import LoadMetrics
import RunResults
import Scenario

/// A fully populated result with fixed dates, versions and host names: the input of the golden files.
enum FixedResult {
    static let start = Date(timeIntervalSince1970: 1_767_323_045)  // 2026-01-02T03:04:05Z

    static func make() -> RunResult {
        var metrics = MetricsSnapshot()
        var series = TimeSeries()
        for second in 0..<10 {
            var interval = MetricsSnapshot()
            for index in 0..<200 {
                let i = second * 200 + index
                // A body around 2 ms with a tail, and a spike in second 6.
                let rtt = UInt64(1500 + (i * 37) % 1000 + (i % 97 == 0 ? 20_000 : 0) + (second == 6 ? 3000 : 0))
                interval.record(.messageRTT, rtt)
            }
            for index in 0..<10 {
                let i = second * 10 + index
                interval.record(.dns, UInt64(200 + i % 50))
                interval.record(.tcpConnect, UInt64(400 + (i * 13) % 300))
                interval.record(.tlsHandshake, UInt64(2500 + (i * 29) % 2000))
                interval.record(.wsUpgrade, UInt64(900 + (i * 7) % 600))
                interval.record(.connectTotal, UInt64(4200 + (i * 31) % 2500))
            }
            interval.add(10, to: .connectionAttempts)
            interval.add(second == 3 ? 6 : 10, to: .upgradesOK)
            interval.add(second == 3 ? 4 : 0, to: .upgradesFailed)
            if second == 3 { interval.addError(code: "handshake.unexpected-status", count: 3) }
            if second == 3 { interval.addError(code: "tcp.connection-refused", count: 1) }
            interval.add(200, to: .messagesSent)
            interval.add(second == 9 ? 199 : 200, to: .messagesReceived)
            interval.add(200 * 64, to: .payloadBytesSent)
            interval.add(200 * 64, to: .payloadBytesReceived)
            interval.add(200 * 70 + 300, to: .wireBytesSent)
            interval.add(200 * 66 + 200, to: .wireBytesReceived)
            interval.setConnectionsOpen(UInt64(Swift.min(96, (second + 1) * 10)))
            series.append(interval, atSecond: Int64(start.timeIntervalSince1970) + Int64(second))
            metrics.merge(interval)
        }
        metrics.add(1, to: .messagesLost)
        metrics.addClose(CloseKey(code: 1000, initiator: .client), count: 94)
        metrics.addClose(CloseKey(code: 1006, initiator: .transport), count: 2)
        metrics.addTargetIdentity("pod-a", count: 50)
        metrics.addTargetIdentity("pod-b", count: 46)
        metrics.setConnectionsOpen(0)

        var samples = ErrorSamples()
        samples.record(
            ErrorSample(
                message:
                    "Server answered 503 Service Unavailable instead of 101; the body starts with '<html>' (a health page?)",
                phase: "upgrade",
                status: 503,
                headers: [
                    HeaderField(name: "Content-Type", value: "text/html"),
                    HeaderField(name: "Set-Cookie", value: "session=abc123; HttpOnly"),
                ],
                bodyExcerpt: "<html><body>Service Unavailable & overloaded</body></html>"
            ),
            code: "handshake.unexpected-status"
        )
        samples.record(
            ErrorSample(message: "Connection refused by 10.0.0.7:443.", phase: "tcp"),
            code: "tcp.connection-refused"
        )

        let upgrade = UpgradeDetails(
            request: HTTPHead(
                startLine: "GET /chat?room=1&token=s3cr3t HTTP/1.1",
                headers: [
                    HeaderField(name: "Host", value: "echo.example.com"),
                    HeaderField(name: "Upgrade", value: "websocket"),
                    HeaderField(name: "Connection", value: "Upgrade"),
                    HeaderField(name: "Sec-WebSocket-Version", value: "13"),
                    HeaderField(name: "Authorization", value: "Bearer very-secret"),
                ]
            ),
            response: HTTPHead(
                startLine: "HTTP/1.1 101 Switching Protocols",
                headers: [
                    HeaderField(name: "Upgrade", value: "websocket"),
                    HeaderField(name: "Connection", value: "Upgrade"),
                    HeaderField(name: "Sec-WebSocket-Accept", value: "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="),
                    HeaderField(name: "Sec-WebSocket-Protocol", value: "chat.v1"),
                ]
            ),
            subprotocol: "chat.v1",
            extensions: [
                NegotiatedExtension(
                    name: "permessage-deflate",
                    parameters: [
                        .init(name: "server_no_context_takeover"), .init(name: "client_max_window_bits", value: "12"),
                    ]
                )
            ],
            tls: TLSFacts(
                version: "TLSv1.3",
                cipher: "TLS_AES_128_GCM_SHA256",
                alpn: "http/1.1",
                peerChain: [
                    CertificateFacts(
                        subject: "CN=echo.example.com",
                        issuer: "CN=Example Issuing CA",
                        notAfter: start.addingTimeInterval(10 * 86_400),
                        at: start
                    ),
                    CertificateFacts(
                        subject: "CN=Example Issuing CA",
                        issuer: "CN=Example Root",
                        notAfter: start.addingTimeInterval(900 * 86_400),
                        at: start
                    ),
                ],
                verificationSkipped: false
            )
        )

        let scenario: JSONValue = .object([
            "name": .string("echo-load"),
            "target": .object([
                "url": .string("wss://echo.example.com/chat?room=1&token=s3cr3t"),
                "headers": .object(["Authorization": .string("Bearer very-secret"), "X-Trace": .string("on")]),
            ]),
            "load": .object(["connections": .integer(100), "duration": .string("10s"), "rate": .number(20.5)]),
            "thresholds": .array([.string("p99(message_rtt) < 50ms"), .string("rate(errors) < 1%")]),
        ])

        return RunResult(
            tool: ToolInfo(version: "0.1.0"),
            commandLine: ["wsprobe", "run", "scenarios/echo-load.yaml", "-H", "Authorization: Bearer very-secret"],
            kind: .run,
            scenarioName: "echo-load",
            scenario: scenario,
            environment: RunEnvironment(
                hostname: "loadgen-1",
                cores: 8,
                openFilesSoftLimit: 65_536,
                openFilesHardLimit: 1_048_576,
                operatingSystem: "Linux 6.1.0",
                startedAt: start,
                endedAt: start.addingTimeInterval(10),
                durationSeconds: 10.25
            ),
            metrics: metrics,
            timeSeries: series,
            errorSamples: samples,
            upgrade: upgrade,
            checks: [
                CheckOutcome(
                    name: "upgrade.status",
                    passed: true,
                    message: "Every upgrade that completed answered 101.",
                    observed: "101",
                    expected: "101",
                    phase: "upgrade"
                ),
                CheckOutcome(
                    name: "route /chat → pod-*",
                    passed: false,
                    message: "4 of 100 connections did not reach a pod: the server answered 503 <overloaded>.",
                    observed: "96/100",
                    expected: "100/100",
                    phase: "upgrade",
                    code: "handshake.unexpected-status"
                ),
            ],
            thresholds: [
                ThresholdOutcome(
                    expression: "p99(message_rtt) < 50ms",
                    observed: 0.0235,
                    observedText: "23.5ms",
                    limit: "< 50ms",
                    passed: true
                ),
                ThresholdOutcome(
                    expression: "rate(errors) < 1%",
                    observed: 0.04,
                    observedText: "4%",
                    limit: "< 1%",
                    passed: false,
                    abortOnFail: true
                ),
            ]
        )
    }

    /// A result with nothing recorded: every chart must say "no data" rather than break.
    static func empty() -> RunResult {
        RunResult(
            tool: ToolInfo(version: "0.1.0"),
            commandLine: ["wsprobe", "check", "ws://127.0.0.1:1/"],
            kind: .check,
            scenarioName: "ws://127.0.0.1:1/",
            environment: RunEnvironment(
                hostname: "laptop",
                cores: 4,
                openFilesSoftLimit: nil,
                openFilesHardLimit: nil,
                operatingSystem: "Linux 6.1.0",
                startedAt: start,
                endedAt: start
            ),
            verdict: .error
        )
    }
}
