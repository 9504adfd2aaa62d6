import RunResults

/// Where `wsprobe probe idle` stands: sent when a batch starts, once a second while it runs, and when it ends.
package struct IdleProbeProgress: Sendable, Hashable {
    /// The two batches of the probe.
    package enum Phase: String, Sendable, Hashable {
        /// Silent connections, waiting for the peer's idle close.
        case silent
        /// One connection per heartbeat mode, held past the cutoff.
        case keepAlive = "keep-alive"
    }

    /// Whether the batch just started, is running, or ended.
    package enum Moment: Sendable, Hashable {
        case started
        case running
        case ended
    }

    package var phase: Phase
    package var moment: Moment
    /// Seconds since the probe started.
    package var elapsedSeconds: Double
    /// The longest the batch holds its connections, in seconds.
    package var holdSeconds: Double
    /// Connections in the batch.
    package var connections: Int
    /// Connections open now.
    package var open: Int
    /// Connections the peer has closed.
    package var closedByPeer: Int
    /// Connections that could not be opened.
    package var failed: Int
    /// Heartbeats sent so far (keep-alive batch).
    package var heartbeatsSent: Int

    package init(
        phase: Phase,
        moment: Moment,
        elapsedSeconds: Double,
        holdSeconds: Double,
        connections: Int,
        open: Int = 0,
        closedByPeer: Int = 0,
        failed: Int = 0,
        heartbeatsSent: Int = 0
    ) {
        self.phase = phase
        self.moment = moment
        self.elapsedSeconds = elapsedSeconds
        self.holdSeconds = holdSeconds
        self.connections = connections
        self.open = open
        self.closedByPeer = closedByPeer
        self.failed = failed
        self.heartbeatsSent = heartbeatsSent
    }

    /// One line: `[12s] silent batch: 8 open, 0 closed by the peer, 0 failed (holding up to 120 s)`.
    package var line: String {
        let elapsed = "[\(Int(self.elapsedSeconds.rounded(.down)))s]"
        let hold = IdleProbeFormat.seconds(self.holdSeconds)
        let batch = self.phase == .silent ? "silent batch" : "keep-alive batch"
        let counts =
            "\(self.open) open, \(self.closedByPeer) closed by the peer, \(self.failed) failed"
            + (self.phase == .keepAlive ? ", \(self.heartbeatsSent) heartbeats sent" : "")
        switch self.moment {
        case .started:
            return self.phase == .silent
                ? "\(elapsed) \(batch): opening \(self.connections) silent connections; waiting up to \(hold)"
                    + " for the peer's idle close"
                : "\(elapsed) \(batch): one connection per heartbeat mode (\(self.connections)), held \(hold)"
        case .running:
            return "\(elapsed) \(batch): \(counts) (holding up to \(hold))"
        case .ended:
            return "\(elapsed) \(batch) done: \(counts)"
        }
    }
}
