import LoadMetrics
import NIOCore
import ResultCodes
import Scenario
import WSProtocol
import WSTransport

extension LoadConnection {
    /// Carries out one action of the core.
    func execute(_ action: CoreAction) {
        switch action {
        case .send(let kind, let payload, let seq, let intended):
            self.send(kind: kind, payload: payload, seq: seq, intended: intended)
        case .ping(let bytes, let timeoutAt):
            do {
                try self.socket?.sendPing(bytes)
            } catch {
                self.recordError(code: error.errorCode, phase: Phase.open) { error.description }
                return self.core.pingFailed(now: self.worker.now(), peer: self.peer, into: &self.actions)
            }
            self.worker.recorder.increment(.pingsSent)
            self.arm(.script, at: timeoutAt)
        case .arm(let timer, let deadline):
            self.arm(timer, at: deadline)
        case .cancel(let timer):
            self.timers[timer.index]?.cancel()
            self.timers[timer.index] = nil
        case .cancelTimers:
            self.cancelTimers()
        case .requestTotalPermit:
            guard let since = self.core.waitingForPermitSince else { return }
            if let intended = self.worker.takeTotalPermit(readySince: since) {
                self.core.permitGranted(intended: intended, now: since, peer: self.peer, into: &self.actions)
            } else {
                self.worker.waitForPermit(self)
            }
        case .close(let code, let reason):
            guard let socket = self.socket else { return }
            do {
                try socket.close(code: CloseCode(rawValue: code), reason: reason)
            } catch {
                self.recordError(code: error.errorCode, phase: Phase.close) { error.description }
                socket.abort()
            }
        case .fail(let fault):
            self.recordError(code: fault.code, phase: fault.phase) { fault.message }
        }
    }

    private func send(
        kind: ScriptProgram.MessageKind,
        payload: ScriptProgram.PayloadSpec,
        seq: UInt64,
        intended: UInt64
    ) {
        guard let socket = self.socket else { return }
        var buffer: ByteBuffer
        switch payload {
        case .sized(let size):
            buffer = self.worker.allocator.buffer(capacity: size)
            MessageStamp.write(seq: seq, intendedNanoseconds: intended, size: size, text: kind == .text, into: &buffer)
        case .template(let template):
            let now = self.worker.clock.wallMilliseconds()
            buffer = ByteBuffer(string: template.render(seq: Int(seq), conn: self.id, nowMilliseconds: now))
        case .fixed(let bytes):
            buffer = self.worker.allocator.buffer(capacity: bytes.count)
            buffer.writeBytes(bytes)
        }
        let size = UInt64(buffer.readableBytes)
        do {
            try socket.send(Message(kind: kind == .text ? .text : .binary, payload: buffer))
        } catch {
            self.recordError(code: error.errorCode, phase: Phase.open) { error.description }
            return self.core.sendFailed(seq: seq, now: self.worker.now(), into: &self.actions)
        }
        self.worker.recorder.increment(.messagesSent)
        self.worker.recorder.increment(.payloadBytesSent, by: size)
    }

    private func arm(_ timer: ConnectionTimer, at deadline: UInt64) {
        self.timers[timer.index]?.cancel()
        let bound = NIOLoopBound(self, eventLoop: self.worker.loop)
        self.timers[timer.index] = self.worker.loop.scheduleTask(deadline: .uptimeNanoseconds(deadline)) {
            bound.value.timerFired(timer)
        }
    }

    private func timerFired(_ timer: ConnectionTimer) {
        self.timers[timer.index] = nil
        self.core.timerFired(timer, now: self.worker.now(), peer: self.peer, into: &self.actions)
        self.perform()
    }

    func cancelTimers() {
        for index in self.timers.indices {
            self.timers[index]?.cancel()
            self.timers[index] = nil
        }
    }
}

extension ConnectionTimer {
    var index: Int {
        switch self {
        case .script: 0
        case .pacer: 1
        case .lifetime: 2
        }
    }
}
