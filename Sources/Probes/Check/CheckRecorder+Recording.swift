import Foundation
import NIOCore
import ResultCodes
import RunResults
import SecretRedaction
import TLSOpenSSL
import WSProtocol
import WSTransport

extension CheckRecorder {
    /// Records an opening that failed: the phases that completed, then the failing one with its diagnosis.
    mutating func record(failure: ConnectFailure) {
        self.resolvedAddresses = failure.resolvedAddresses.map(Self.text)
        self.remoteAddress = failure.remoteAddress.map(Self.text)
        self.appendOpeningPhases(failure.timings, tls: failure.tls, failedIn: failure.error.phase)
        let phase = failure.error.phase
        self.phases.append(.init(name: phase.rawValue, milliseconds: nil, detail: failure.error.code, passed: false))
        if let request = failure.request {
            self.requestHead = Self.headLines(request)
        }
        if case .handshake(let error) = failure.error,
            case .unexpectedStatus(let status, let reason, let headers, _) = error
        {
            self.responseHead = Self.redacted(
                ["HTTP/1.1 \(status) \(reason)"] + headers.map { "\($0.name): \($0.value)" }
            )
        }
        self.tls = failure.tls.map(Self.facts)
        self.failure = CheckFailure(phase: phase.rawValue, code: failure.error.code, message: failure.error.description)
        self.passed = false
    }

    /// Records a successful opening: addresses, phase times, the exchange and what was negotiated.
    mutating func record(info: ConnectionInfo) {
        self.resolvedAddresses = info.resolvedAddresses.map(Self.text)
        self.remoteAddress = Self.text(info.remoteAddress)
        self.localAddress = info.localAddress.map(Self.text)
        self.appendOpeningPhases(info.timings, tls: info.tls, failedIn: nil)
        let head = info.response.head
        var detail = "\(head.status) \(head.reason)"
        if let subprotocol = info.response.subprotocol {
            detail += ", subprotocol \(subprotocol)"
        }
        if !info.response.extensions.isEmpty {
            detail += ", \(ExtensionHeader.format(info.response.extensions))"
        }
        self.phases.append(
            .init(name: "upgrade", milliseconds: info.timings.upgrade.map(CheckFormat.milliseconds), detail: detail)
        )
        self.requestHead = Self.headLines(info.request)
        self.responseHead = Self.redacted(
            ["\(head.version) \(head.status) \(head.reason)"] + head.headers.map { "\($0.name): \($0.value)" }
        )
        self.subprotocol = info.response.subprotocol
        self.extensions = info.response.extensions.isEmpty ? nil : ExtensionHeader.format(info.response.extensions)
        self.tls = info.tls.map(Self.facts)
    }

    /// Records the echoes, the ping and the close, and decides the verdict.
    mutating func record(session: CheckSession.Outcome, plan: CheckPlan, info: ConnectionInfo) {
        self.echoMilliseconds = session.echoes.map(CheckFormat.milliseconds)
        self.unsolicitedMessages = session.unsolicited.count
        self.unsolicitedSamples = session.unsolicited.samples
        let kind = plan.binary ? "binary" : "text"
        if plan.echoCount > 0 {
            let sorted = self.echoMilliseconds.sorted()
            let median = sorted.isEmpty ? nil : sorted[sorted.count / 2]
            var detail = "\(sorted.count)/\(plan.echoCount) × \(plan.payloadSize) B \(kind)"
            if let first = sorted.first, let last = sorted.last {
                detail += " (min \(CheckFormat.milliseconds(first)), max \(CheckFormat.milliseconds(last)))"
            }
            if let wire = session.echoWire {
                let bytes = EchoBytes(
                    payload: plan.echoCount * plan.payloadSize,
                    wireSent: wire.sent,
                    wireReceived: wire.received
                )
                self.echoBytes = bytes
                if info.deflate != nil {
                    detail += "; with deflate \(bytes.wireSent) B out and \(bytes.wireReceived) B in on the wire"
                }
            }
            if let unsolicited = self.unsolicitedText { detail += "; \(unsolicited)" }
            self.phases.append(
                .init(
                    name: "echo",
                    milliseconds: median,
                    detail: detail,
                    passed: sorted.count == plan.echoCount
                )
            )
        }
        if plan.ping {
            self.pingMilliseconds = session.ping.map(CheckFormat.milliseconds)
            let detail = session.ping == nil ? "no pong" : "pong with the same payload"
            self.phases.append(
                .init(name: "ping", milliseconds: self.pingMilliseconds, detail: detail, passed: session.ping != nil)
            )
        }
        if let close = session.close {
            let duration = session.closeStartedAt.flatMap { start in session.closedAt.map { $0 - start } }
            let facts = CloseFacts(
                code: close.code.rawValue,
                reason: close.reason,
                initiatedBy: close.initiator == .local ? "wsprobe" : "server",
                clean: close.wasClean,
                milliseconds: duration.map(CheckFormat.milliseconds),
                sentCode: close.sentCode?.rawValue,
                transport: session.transport?.rawValue
            )
            self.close = facts
            let detail = CloseDescription.line(close, transport: session.transport)
            self.phases.append(
                .init(name: "close", milliseconds: facts.milliseconds, detail: detail, passed: facts.clean)
            )
        }
        if let closedAt = session.closedAt {
            self.totalMilliseconds = CheckFormat.milliseconds(closedAt - info.timings.start)
        }
        self.failure = session.failure
        if self.failure == nil, let close = session.close, !close.wasClean {
            self.failure = CheckFailure(
                phase: ResultCodes.Phase.close.rawValue,
                code: ErrorCode.closeUnclean.rawValue,
                message: "The closing handshake did not complete cleanly: "
                    + CloseDescription.line(close, transport: session.transport) + "."
            )
        }
        self.passed = self.failure == nil
    }

    /// `1 unsolicited message from the server (text, 7 B: "welcome")`, or `nil` when none came.
    var unsolicitedText: String? {
        var details = CheckDetails(unsolicitedMessages: self.unsolicitedMessages)
        details.unsolicitedSamples = self.unsolicitedSamples
        return details.unsolicitedText
    }

    private mutating func appendOpeningPhases(_ timings: PhaseTimings, tls: TLSSessionInfo?, failedIn: ConnectionPhase?)
    {
        let host = Self.urlHost(self.url)
        if let dns = timings.dns {
            self.phases.append(
                .init(
                    name: "dns",
                    milliseconds: CheckFormat.milliseconds(dns),
                    detail: "\(host) → \(self.resolvedAddresses.joined(separator: ", "))"
                )
            )
        } else if failedIn != .dns {
            self.phases.append(
                .init(name: "dns", milliseconds: nil, detail: "not needed (\(self.resolvedAddresses.first ?? host))")
            )
        }
        if let tcp = timings.tcp {
            var detail = "connected to \(self.remoteAddress ?? "?")"
            if let local = self.localAddress { detail += " from \(local)" }
            self.phases.append(.init(name: "tcp", milliseconds: CheckFormat.milliseconds(tcp), detail: detail))
        }
        if let tlsTime = timings.tls, let tls {
            var detail = "\(tls.protocolVersion) \(tls.cipher)"
            if let alpn = tls.alpn { detail += ", ALPN \(alpn)" }
            if let leaf = tls.peerCertificates.first {
                detail += ", \(leaf.daysLeft) day\(leaf.daysLeft == 1 ? "" : "s") left"
            }
            if tls.verificationSkipped { detail += ", NOT VERIFIED (--insecure)" }
            self.phases.append(.init(name: "tls", milliseconds: CheckFormat.milliseconds(tlsTime), detail: detail))
        } else if timings.tcpDone != nil, !self.url.hasPrefix("wss"), failedIn != .tcp {
            self.phases.append(.init(name: "tls", milliseconds: nil, detail: "not used (ws://)"))
        }
    }

    private static func headLines(_ request: UpgradeRequest) -> [String] {
        Self.redacted([request.requestLine] + request.headerFields.map { "\($0.name): \($0.value)" })
    }

    /// Head lines as every output shows them: sensitive header values and query values redacted.
    private static func redacted(_ lines: [String]) -> [String] {
        lines.map { Redaction.redact(fieldLine: $0) }
    }

    private static func facts(_ info: TLSSessionInfo) -> TLSFacts {
        TLSFacts(
            version: info.protocolVersion,
            cipher: info.cipher,
            alpn: info.alpn,
            peerChain: info.peerCertificates.map {
                CertificateFacts(
                    subject: $0.subject,
                    issuer: $0.issuer,
                    notAfter: ISO8601DateFormatter().date(from: $0.notAfter) ?? .distantPast,
                    daysLeft: $0.daysLeft
                )
            },
            verificationSkipped: info.verificationSkipped,
            serverName: info.serverName,
            verifyResult: info.verifyResult
        )
    }

    /// `127.0.0.1:8080` or `[::1]:8080`.
    static func text(_ address: SocketAddress) -> String {
        address.displayText
    }

    private static func urlHost(_ url: String) -> String {
        (try? WebSocketURL(url))?.host ?? url
    }
}
