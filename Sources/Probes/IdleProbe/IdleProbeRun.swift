package import NIOCore
package import RunResults
import WSProtocol
import WSTransport

/// `wsprobe probe idle`: finds the idle cutoff of a path and which heartbeats keep it open.
///
/// Two batches, each about one cutoff long, instead of a search over hold times: `parallel` silent connections
/// opened at once are closed by the peer at its cutoff (the shortest idle time at closure is the cutoff, the
/// spread its timer's precision); then one connection per heartbeat mode, beating every cutoff/3, is held to
/// cutoff × 1.5, and survives only when that heartbeat resets the peer's timer.
package enum IdleProbeRun {
    /// Runs the probe on one event loop of `group`; `progress` hears when each batch starts, once a second
    /// while it runs, and when it ends (on the event loop: keep it short).
    /// - Throws: `IdleProbeError` (`probe.connect`) when no silent connection could be opened.
    package static func run(
        _ plan: IdleProbePlan,
        on group: any EventLoopGroup,
        progress: (@Sendable (IdleProbeProgress) -> Void)? = nil
    ) async throws -> IdleProbeDetails {
        let loop = group.next()
        let started = NIODeadline.now()
        let resolution = IdleProbeFormat.seconds(of: plan.resolution.nanoseconds)
        let silentReporter = IdleProbeReporter(
            progress: progress,
            started: started,
            phase: .silent,
            holdSeconds: IdleProbeFormat.seconds(of: plan.maximum.nanoseconds),
            connections: max(plan.parallel, 1)
        )
        silentReporter.report(.started)
        let silent = try await IdleProbePhase.run(
            modes: Array(repeating: .none, count: max(plan.parallel, 1)),
            interval: nil,
            hold: plan.maximum,
            grace: max(plan.resolution, .milliseconds(500)),
            connect: plan.connect,
            on: loop,
            tick: silentReporter.tick
        )
        silentReporter.report(.ended, IdleProbePhaseCounts(silent))
        let silentEnded = NIODeadline.now()
        let failures = silent.compactMap(\.failure)
        guard silent.contains(where: { $0.openedAt != nil }) else {
            throw IdleProbeError(
                code: IdleProbeError.noConnection,
                message: "No probe connection to \(plan.connect.url.text) opened: "
                    + (failures.first ?? "unknown failure")
            )
        }
        let closed = silent.filter(\.closedByPeer).sorted { ($0.idleSeconds ?? 0) < ($1.idleSeconds ?? 0) }
        let range = IdleProbeAnalysis.cutoff(idleSeconds: closed.compactMap(\.idleSeconds))
        var result = IdleProbeDetails(
            url: plan.connect.url.text,
            target: plan.targetNote,
            maximumSeconds: IdleProbeFormat.seconds(of: plan.maximum.nanoseconds),
            resolutionSeconds: resolution,
            parallel: silent.count,
            silentClosed: closed.count,
            cutoffSeconds: range.map { ($0.first * 1000).rounded() / 1000 },
            latestCloseSeconds: range.map { ($0.last * 1000).rounded() / 1000 },
            closure: closed.first.flatMap(Self.closure),
            keepAlive: [],
            safeHeartbeatSeconds: nil,
            advice: "",
            failures: failures,
            expectation: plan.expectation,
            expectationMet: nil,
            durationSeconds: 0
        )
        let heartbeatModes = IdleProbeMode.heartbeats.filter { plan.modes.contains($0) }
        if let cutoff = range?.first, !heartbeatModes.isEmpty {
            result.keepAlive = try await Self.keepAlive(
                modes: heartbeatModes,
                cutoff: cutoff,
                resolution: resolution,
                plan: plan,
                on: loop,
                reporter: { hold in
                    IdleProbeReporter(
                        progress: progress,
                        started: started,
                        phase: .keepAlive,
                        holdSeconds: hold,
                        connections: heartbeatModes.count
                    )
                }
            )
            result.failures += result.keepAlive.compactMap(\.failure)
            result.keepAlivePhaseSeconds = Self.seconds(since: silentEnded)
        }
        result.silentPhaseSeconds = Self.seconds(between: started, silentEnded)
        result.advise()
        result.expectationMet = plan.expectation.map { $0.isMet(by: result.cutoffSeconds) }
        result.durationSeconds = Self.seconds(since: started)
        return result
    }

    /// One connection per heartbeat mode, beating every cutoff/3, held to the cutoff plus a margin.
    private static func keepAlive(
        modes: [IdleProbeMode],
        cutoff: Double,
        resolution: Double,
        plan: IdleProbePlan,
        on loop: any EventLoop,
        reporter makeReporter: (Double) -> IdleProbeReporter
    ) async throws -> [IdleProbeKeepAlive] {
        let interval = IdleProbeAnalysis.probeInterval(cutoff: cutoff)
        let hold = IdleProbeAnalysis.keepAliveHold(cutoff: cutoff, resolution: resolution)
        let reporter = makeReporter((hold * 1000).rounded() / 1000)
        reporter.report(.started)
        let observations = try await IdleProbePhase.run(
            modes: modes,
            interval: .nanoseconds(Int64(interval * 1e9)),
            hold: .nanoseconds(Int64(hold * 1e9)),
            grace: nil,
            connect: plan.connect,
            on: loop,
            tick: reporter.tick
        )
        reporter.report(.ended, IdleProbePhaseCounts(observations))
        return observations.map { observation in
            IdleProbeKeepAlive(
                mode: observation.mode,
                intervalSeconds: (interval * 1000).rounded() / 1000,
                holdSeconds: (hold * 1000).rounded() / 1000,
                keptOpen: observation.openedAt == nil ? nil : observation.stoppedByProbe,
                closedAfterSeconds: observation.closedByPeer
                    ? observation.lifetimeSeconds.map { ($0 * 1000).rounded() / 1000 } : nil,
                closure: observation.closedByPeer ? Self.closure(observation) : nil,
                heartbeatsSent: observation.heartbeatsSent,
                repliesReceived: observation.repliesReceived,
                failure: observation.failure
            )
        }
    }

    /// Milliseconds-rounded seconds from `start` to `end`.
    static func seconds(between start: NIODeadline, _ end: NIODeadline) -> Double {
        (IdleProbeFormat.seconds(of: (end - start).nanoseconds) * 1000).rounded() / 1000
    }

    static func seconds(since start: NIODeadline) -> Double {
        Self.seconds(between: start, .now())
    }

    static func closure(_ observation: IdleProbeObservation) -> IdleProbeClosure? {
        guard let outcome = observation.close else { return nil }
        let closeFrame = outcome.code != .abnormalClosure
        return IdleProbeClosure(
            code: Int(outcome.code.rawValue),
            reason: outcome.reason,
            closeFrame: closeFrame,
            wasClean: outcome.wasClean,
            tcpEnd: closeFrame ? nil : observation.transportEnd.map(IdleProbeClosure.TCPEnd.init)
        )
    }
}
