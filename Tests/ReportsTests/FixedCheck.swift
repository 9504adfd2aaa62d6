import Foundation
import LoadMetrics
import RunResults

/// Results with every version-2 part filled in: a check over TLS with all its details, a failed check, and a
/// run with the engine's figures.
enum FixedCheck {
    /// A passed `wss://` check: six phases, echoes, a ping, the exchange, the TLS chain and the close.
    static func passed() -> RunResult {
        var details = CheckDetails(
            url: "wss://echo.example:8443/chat?token=[redacted]",
            phases: [
                PhaseTiming(phase: "dns", milliseconds: 0.412, detail: "echo.example → 192.0.2.7:8443"),
                PhaseTiming(
                    phase: "tcp",
                    milliseconds: 1.25,
                    detail: "connected to 192.0.2.7:8443 from 10.0.0.2:50000"
                ),
                PhaseTiming(phase: "tls", milliseconds: 12.5, detail: "TLSv1.3 TLS_AES_128_GCM_SHA256, 89 days left"),
                PhaseTiming(phase: "upgrade", milliseconds: 2.0, detail: "101 Switching Protocols, subprotocol chat"),
                PhaseTiming(phase: "echo", milliseconds: 0.9, detail: "3/3 × 16 B text (min 0.8 ms, max 1.1 ms)"),
                PhaseTiming(phase: "ping", milliseconds: 0.5, detail: "pong with the same payload"),
                PhaseTiming(
                    phase: "close",
                    milliseconds: 0.7,
                    detail: "1000 normal closure, initiated by wsprobe, clean"
                ),
            ],
            echoRoundTripsMilliseconds: [0.8, 0.9, 1.1]
        )
        details.resolvedAddresses = ["192.0.2.7:8443"]
        details.remoteAddress = "192.0.2.7:8443"
        details.localAddress = "10.0.0.2:50000"
        details.echoBytes = EchoBytes(payload: 48, wireSent: 66, wireReceived: 54)
        details.pingMilliseconds = 0.5
        details.close = CloseFacts(
            code: 1000,
            reason: "",
            initiatedBy: "wsprobe",
            clean: true,
            milliseconds: 0.7,
            sentCode: 1000,
            transport: "fin"
        )
        details.totalMilliseconds = 18.3
        var result = Self.base(verdict: .passed, details: details)
        result.upgrade = UpgradeDetails(
            request: HTTPHead(
                startLine: "GET /chat?token=[redacted] HTTP/1.1",
                headers: [
                    HeaderField(name: "Host", value: "echo.example:8443"),
                    HeaderField(name: "Upgrade", value: "websocket"),
                ]
            ),
            response: HTTPHead(
                startLine: "HTTP/1.1 101 Switching Protocols",
                headers: [
                    HeaderField(name: "Upgrade", value: "websocket"),
                    HeaderField(name: "Sec-WebSocket-Protocol", value: "chat"),
                ]
            ),
            subprotocol: "chat",
            tls: TLSFacts(
                version: "TLSv1.3",
                cipher: "TLS_AES_128_GCM_SHA256",
                alpn: "http/1.1",
                peerChain: [
                    CertificateFacts(
                        subject: "CN=echo.example",
                        issuer: "CN=Example CA",
                        notAfter: Date(timeIntervalSince1970: 1_775_000_000),
                        daysLeft: 89
                    )
                ],
                serverName: "echo.example",
                verifyResult: "ok"
            )
        )
        return result
    }

    /// A refused connection: the failing phase, the diagnosis, and an unsolicited-message line without an echo.
    static func refused() -> RunResult {
        var details = CheckDetails(
            url: "ws://127.0.0.1:9/",
            insecure: true,
            phases: [
                PhaseTiming(phase: "dns", milliseconds: nil, detail: "not needed (127.0.0.1:9)"),
                PhaseTiming(phase: "tcp", milliseconds: nil, detail: "tcp.refused", passed: false),
            ],
            failure: CheckFailure(
                phase: "tcp",
                code: "tcp.refused",
                message: "The connection to 127.0.0.1:9 was refused."
            ),
            unsolicitedMessages: 4
        )
        details.unsolicitedSamples = ["text, 7 B: \"welcome\"", "binary, 3 B", "text, 2 B: \"hi\""]
        return Self.base(verdict: .failed, details: details)
    }

    /// A run with every engine figure: limits, the limit hit, rates, client cost.
    static func run() -> RunResult {
        var result = FixedResult.make()
        result.abortedBy = "rate(errors) < 1%"
        result.loadDetails = LoadDetails(
            limits: [.ports: 40, .target: 2],
            limitHit: .ports,
            connectionsPerSecond: 812.5,
            unsolicitedMessages: 3,
            skippedSends: 7,
            expectedStatus: 403,
            expectedStatusAnswers: 100,
            warmUpSeconds: 2.5,
            clientCost: ClientCost(
                usage: ClientCost.Usage(userCPUSeconds: 1.5, systemCPUSeconds: 0.75, maxRSSBytes: 52_428_800),
                baseline: ClientCost.Usage(userCPUSeconds: 0.25, systemCPUSeconds: 0.125, maxRSSBytes: 20_971_520),
                fileLimit: ClientCost.FileLimit(softBefore: 1024, soft: 65_536, hard: 65_536),
                peakConnections: 150,
                cpuSecondsPerConnection: 0.0125,
                rssBytesPerConnection: 209_715.2,
                heldRSSBytesPerConnection: 10_342.4,
                heldConnections: 150
            )
        )
        return result
    }

    private static func base(verdict: Verdict, details: CheckDetails) -> RunResult {
        RunResult(
            tool: ToolInfo(version: "0.1.0"),
            commandLine: ["wsprobe", "check"],
            kind: .check,
            scenarioName: "check",
            environment: RunEnvironment(
                hostname: "laptop",
                cores: 4,
                openFilesSoftLimit: 1024,
                openFilesHardLimit: 4096,
                operatingSystem: "Linux 6.1.0",
                startedAt: FixedResult.start,
                endedAt: FixedResult.start
            ),
            verdict: verdict,
            checkDetails: details
        )
    }
}
