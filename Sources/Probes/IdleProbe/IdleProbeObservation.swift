import NIOCore
import RunResults
import WSProtocol
import WSTransport

/// What one probe connection saw, handed from its event loop to the probe when it is over.
struct IdleProbeObservation: Sendable {
    var mode: IdleProbeMode
    /// When the upgrade completed (the 101 was the last byte received).
    var openedAt: NIODeadline?
    /// The last byte sent or received: the 101, a heartbeat sent, or anything that came back.
    var lastActivity: NIODeadline?
    var closedAt: NIODeadline?
    var close: CloseOutcome?
    /// How TCP ended (peer FIN, peer RST, or this side).
    var transportEnd: TransportEnd?
    /// True when the probe itself closed the connection (hold time over): it survived.
    var stoppedByProbe = false
    var heartbeatsSent = 0
    /// Pongs and messages received after the upgrade.
    var repliesReceived = 0
    /// Why the connection could not be opened or ended with an error, as `code: sentence`.
    var failure: String?

    init(mode: IdleProbeMode) {
        self.mode = mode
    }

    /// Time from the last activity to the closure, in seconds.
    var idleSeconds: Double? {
        guard let closedAt, let lastActivity else { return nil }
        return IdleProbeFormat.seconds(of: (closedAt - lastActivity).nanoseconds)
    }

    /// Time from the upgrade to the closure, in seconds.
    var lifetimeSeconds: Double? {
        guard let closedAt, let openedAt else { return nil }
        return IdleProbeFormat.seconds(of: (closedAt - openedAt).nanoseconds)
    }

    /// Closed by the other side (close frame or TCP end) before the probe stopped it.
    var closedByPeer: Bool {
        guard let close, !self.stoppedByProbe else { return false }
        return close.initiator == .remote
    }
}
