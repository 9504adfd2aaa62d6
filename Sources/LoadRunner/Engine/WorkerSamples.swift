import Foundation
import ResultCodes
package import RunResults
import TLSOpenSSL
package import WSProtocol
package import WSTransport

/// What one worker keeps to explain its numbers: the first few samples of each error code and the details of
/// its first successful upgrade. Filled only on failure paths and on the first upgrade, never per message.
///
/// Each worker keeps one and hands a copy to the coordinator with its report; the coordinator merges them in
/// worker order (`merged(_:)`), so the result keeps at most ``ErrorSamples/limitPerCode`` samples per code.
package struct WorkerSamples: Sendable, Hashable {
    /// Samples by error code, at most ``ErrorSamples/limitPerCode`` each.
    package var errors = ErrorSamples()
    /// The first successful upgrade this worker saw (request, 101 response, negotiation, TLS).
    package var upgrade: UpgradeDetails?

    package init(errors: ErrorSamples = ErrorSamples(), upgrade: UpgradeDetails? = nil) {
        self.errors = errors
        self.upgrade = upgrade
    }

    /// Whether a sample of `code` would still be kept (fewer than the limit held): the check that keeps the
    /// cost of a full code to one dictionary look-up.
    package func wants(code: String) -> Bool {
        self.errors[code: code].count < ErrorSamples.limitPerCode
    }

    /// Keeps `sample()` for `code` when that code has room; the sample is built only then.
    package mutating func record(code: String, _ sample: () -> ErrorSample) {
        guard self.wants(code: code) else { return }
        self.errors.record(sample(), code: code)
    }

    /// Keeps the details of `info` when this is the first successful upgrade.
    mutating func recordUpgrade(_ info: ConnectionInfo) {
        guard self.upgrade == nil else { return }
        self.upgrade = Self.details(info)
    }

    /// The samples of several workers (or shards) in order, each code cut to the limit.
    package static func merged(_ all: [WorkerSamples]) -> WorkerSamples {
        var result = WorkerSamples()
        for samples in all {
            result.errors.merge(samples.errors)
            if result.upgrade == nil { result.upgrade = samples.upgrade }
        }
        return result
    }

    // MARK: Building samples

    /// A failed opening as a sample: the diagnosis and phase, and for a non-101 answer (RFC 6455 §4.1: any
    /// status other than 101 fails the handshake) the status, response headers and the start of the body.
    package static func sample(_ error: ConnectError) -> ErrorSample {
        guard case .handshake(let handshake) = error,
            case .unexpectedStatus(let status, _, let headers, let body) = handshake
        else {
            return ErrorSample(message: error.description, phase: error.phase.rawValue)
        }
        return ErrorSample(
            message: error.description,
            phase: error.phase.rawValue,
            status: status,
            headers: headers.map { HeaderField(name: $0.name, value: $0.value) },
            bodyExcerpt: String(decoding: body, as: UTF8.self)
        )
    }

    /// A completed upgrade that missed a scenario `expect` (subprotocol, extension, header): the 101 answer.
    package static func sample(expectation message: String, response: UpgradeResponseHead) -> ErrorSample {
        ErrorSample(
            message: message,
            phase: Phase.upgrade.rawValue,
            status: response.status,
            headers: response.headers.map { HeaderField(name: $0.name, value: $0.value) }
        )
    }

    /// The request sent, the 101 received, what was negotiated and the TLS session (RFC 6455 §4.1, §4.2.2).
    static func details(_ info: ConnectionInfo) -> UpgradeDetails {
        let head = info.response.head
        let response = HTTPHead(
            startLine: "\(head.version) \(head.statusText)",
            headers: head.headers.map { HeaderField(name: $0.name, value: $0.value) }
        )
        let request = HTTPHead(
            startLine: info.request.requestLine,
            headers: info.request.headerFields.map { HeaderField(name: $0.name, value: $0.value) }
        )
        return UpgradeDetails(
            request: request,
            response: response,
            subprotocol: info.response.subprotocol,
            extensions: info.response.extensions.map { element in
                NegotiatedExtension(
                    name: element.name,
                    parameters: element.parameters.map { .init(name: $0.name, value: $0.value) }
                )
            },
            tls: info.tls.map(Self.facts)
        )
    }

    private static func facts(_ info: TLSSessionInfo) -> TLSFacts {
        TLSFacts(
            version: info.protocolVersion,
            cipher: info.cipher,
            alpn: info.alpn,
            peerChain: info.peerCertificates.map { certificate in
                CertificateFacts(
                    subject: certificate.subject,
                    issuer: certificate.issuer,
                    notAfter: ISO8601DateFormatter().date(from: certificate.notAfter) ?? .distantPast,
                    daysLeft: certificate.daysLeft
                )
            },
            verificationSkipped: info.verificationSkipped
        )
    }
}
