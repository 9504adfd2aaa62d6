import NIOCore

/// One spliced client ↔ target connection pair of the emulated ALB, and its idle timeout.
///
/// The timeout is one timer per tunnel: each read only records the time, and the timer, when it fires,
/// either closes both connections or re-arms itself for `lastActivity + idleTimeout`. Closing is plain
/// TCP, with no close frame, so clients see 1006 (RFC 6455 §7.1.5) as behind HAProxy's `timeout tunnel`
/// or an IONOS `clientTimeout`.
///
/// Event-loop-bound: both connections live on the same loop, and so does the tunnel.
final class ALBTunnel {
    private let idleTimeout: TimeAmount?
    private let eventLoop: any EventLoop
    private var lastActivity = NIODeadline.now()
    private var timer: Scheduled<Void>?
    private var channels: [any Channel] = []
    private var ended = false

    init(idleTimeout: TimeAmount?, eventLoop: any EventLoop) {
        self.idleTimeout = idleTimeout
        self.eventLoop = eventLoop
    }

    /// Starts timing the tunnel between `client` and `target`.
    func start(client: any Channel, target: any Channel) {
        self.channels = [client, target]
        self.lastActivity = .now()
        if let idle = self.idleTimeout { self.scheduleCheck(in: idle) }
    }

    /// Records that bytes flowed (called on every read of either side).
    func touch() {
        if self.idleTimeout != nil { self.lastActivity = .now() }
    }

    /// Closes both connections (once); called when either side ends or the tunnel was idle too long.
    func end() {
        guard !self.ended else { return }
        self.ended = true
        self.timer?.cancel()
        self.timer = nil
        for channel in self.channels { channel.close(promise: nil) }
        self.channels = []
    }

    private func scheduleCheck(in delay: TimeAmount) {
        let bound = NIOLoopBound(self, eventLoop: self.eventLoop)
        self.timer = self.eventLoop.scheduleTask(in: delay) {
            bound.value.check()
        }
    }

    private func check() {
        guard !self.ended, let idle = self.idleTimeout else { return }
        let due = self.lastActivity + idle
        let now = NIODeadline.now()
        if now >= due {
            self.end()
        } else {
            self.scheduleCheck(in: due - now)
        }
    }
}

@available(*, unavailable)
extension ALBTunnel: Sendable {}
