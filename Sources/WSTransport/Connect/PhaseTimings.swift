package import NIOCore

/// Monotonic timestamps of one connection's phases, taken on its event loop next to the bytes.
///
/// Each mark is `NIODeadline.now()` at the moment the phase ended: DNS answered, `channelActive`, the TLS
/// handshake-completed event, the validated 101. Durations are differences of marks, so scheduler delay
/// between the event and a later consumer never enters a sample.
package struct PhaseTimings: Sendable, Equatable {
    /// When the connector started (before DNS).
    package var start: NIODeadline
    package var dnsDone: NIODeadline?
    package var tcpDone: NIODeadline?
    package var tlsDone: NIODeadline?
    package var upgradeDone: NIODeadline?

    package init(start: NIODeadline) {
        self.start = start
    }

    /// Duration of DNS resolution, if it ran.
    package var dns: TimeAmount? { self.dnsDone.map { $0 - self.start } }
    /// Duration of the TCP connect, measured from the end of DNS (or the start).
    package var tcp: TimeAmount? { self.tcpDone.map { $0 - (self.dnsDone ?? self.start) } }
    /// Duration of the TLS handshake, if wss.
    package var tls: TimeAmount? {
        guard let tlsDone, let tcpDone else { return nil }
        return tlsDone - tcpDone
    }
    /// Time from the request being written (after TCP/TLS) to the validated 101.
    package var upgrade: TimeAmount? {
        guard let upgradeDone, let before = self.tlsDone ?? self.tcpDone else { return nil }
        return upgradeDone - before
    }
    /// Everything from start to a validated 101.
    package var total: TimeAmount? { self.upgradeDone.map { $0 - self.start } }
}
