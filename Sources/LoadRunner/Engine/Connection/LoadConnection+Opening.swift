import LoadMetrics
import NIOCore
import ResultCodes
import RunResults
import Scenario
import WSProtocol
import WSTransport

extension LoadConnection {
    /// Opens the connection through the worker's factory; the upgrade's result is recorded on the loop.
    func start() {
        let worker = self.worker
        worker.recorder.increment(.connectionAttempts)
        if worker.firstAttempt == nil { worker.firstAttempt = worker.now() }
        var options = worker.plan.connect
        options.localAddress = worker.nextSourceAddress()
        let bound = NIOLoopBound(self, eventLoop: worker.loop)
        worker.factory.connect(options: options, on: worker.loop, delegate: self).whenComplete { result in
            let connection = bound.value
            switch result {
            case .success(let info): connection.connected(info)
            case .failure(let error): connection.connectFailed(error)
            }
        }
    }

    private func connected(_ info: ConnectionInfo) {
        let worker = self.worker
        let expectation = worker.plan.expectation
        worker.recorder.increment(.upgradesOK)
        Self.record(info.timings, into: &worker.recorder)
        if let identity = info.response.headers[worker.plan.identityHeader] {
            worker.recorder.recordTargetIdentity(identity)
            self.target = identity
        }
        if worker.samples.upgrade == nil { worker.samples.recordUpgrade(info) }
        if expectation.status != 101 {
            self.expectationMissed(
                ErrorCode.expectStatus,
                "The server answered 101, not the \(expectation.status) the scenario expects.",
                info
            )
        }
        if let expected = expectation.subprotocol, info.response.subprotocol != expected {
            self.expectationMissed(
                ErrorCode.expectSubprotocol,
                "The server selected subprotocol \(info.response.subprotocol ?? "none"), not \(expected).",
                info
            )
        }
        if let expected = expectation.extension {
            let names = info.response.extensions.map(\.name)
            if !names.contains(expected) {
                self.expectationMissed(
                    ErrorCode.expectExtension,
                    "The server did not accept extension \(expected).",
                    info
                )
            }
        }
        for expected in expectation.headers {
            let values = info.response.head.headers.values(named: expected.name)
            if !worker.matcher.matches(values, expected.match) {
                self.expectationMissed(
                    ErrorCode.expectHeader,
                    "The 101 response header \(expected.name) does not meet the scenario's expectation.",
                    info
                )
            }
        }
    }

    /// Counts an upgrade that missed a scenario `expect`, with the 101 answer as its sample.
    private func expectationMissed(_ code: ErrorCode, _ message: String, _ info: ConnectionInfo) {
        self.worker.recorder.recordError(code: code.rawValue, target: self.target)
        self.worker.samples.record(code: code.rawValue) {
            WorkerSamples.sample(expectation: message, response: info.response.head)
        }
    }

    private func connectFailed(_ error: any Error) {
        let worker = self.worker
        worker.recorder.increment(.upgradesFailed)
        let connectError: ConnectError
        if let failure = error as? ConnectFailure {
            connectError = failure.error
            Self.record(failure.timings, into: &worker.recorder)
        } else if let error = error as? ConnectError {
            connectError = error
        } else {
            self.recordError(code: ErrorCode.connectFailed, phase: Phase.tcp) { String(describing: error) }
            return self.finish(.failed)
        }
        if worker.plan.expectation.status != 101, case .handshake(let handshake) = connectError,
            case .unexpectedStatus(let status, _, _, _) = handshake, status == worker.plan.expectation.status
        {
            // The scenario expects this answer (e.g. 503 from a draining target): a match, not an error.
            worker.expectedStatusAnswers += 1
            return self.finish(.completed)
        }
        worker.recorder.recordError(code: connectError.code)
        worker.samples.record(code: connectError.code) {
            WorkerSamples.sample(connectError)
        }
        worker.noteLimit(for: connectError)
        self.finish(.failed)
    }

    private static func record(_ timings: PhaseTimings, into recorder: inout MetricsRecorder) {
        func nanos(_ amount: TimeAmount?) -> UInt64? {
            guard let amount, amount.nanoseconds >= 0 else { return nil }
            return UInt64(amount.nanoseconds)
        }
        if let value = nanos(timings.dns) { recorder.record(.dns, nanoseconds: value) }
        if let value = nanos(timings.tcp) { recorder.record(.tcpConnect, nanoseconds: value) }
        if let value = nanos(timings.tls) { recorder.record(.tlsHandshake, nanoseconds: value) }
        if let value = nanos(timings.upgrade) { recorder.record(.wsUpgrade, nanoseconds: value) }
        if let value = nanos(timings.total) { recorder.record(.connectTotal, nanoseconds: value) }
    }
}
