import NIOCore
import RunResults

/// Sends `IdleProbeProgress` for one batch of the probe to the caller's callback (if any).
struct IdleProbeReporter: Sendable {
    let progress: (@Sendable (IdleProbeProgress) -> Void)?
    let started: NIODeadline
    let phase: IdleProbeProgress.Phase
    let holdSeconds: Double
    let connections: Int

    /// Reports the batch's `moment` with `counts`.
    func report(_ moment: IdleProbeProgress.Moment, _ counts: IdleProbePhaseCounts = IdleProbePhaseCounts([])) {
        guard let progress = self.progress else { return }
        progress(
            IdleProbeProgress(
                phase: self.phase,
                moment: moment,
                elapsedSeconds: IdleProbeFormat.seconds(of: (NIODeadline.now() - self.started).nanoseconds),
                holdSeconds: self.holdSeconds,
                connections: self.connections,
                open: counts.open,
                closedByPeer: counts.closedByPeer,
                failed: counts.failed,
                heartbeatsSent: counts.heartbeatsSent
            )
        )
    }

    /// The once-a-second callback for `IdleProbePhase.run`, nil without a progress callback.
    var tick: (@Sendable (IdleProbePhaseCounts) -> Void)? {
        guard self.progress != nil else { return nil }
        return { counts in self.report(.running, counts) }
    }
}
