package import NIOCore
package import NIOPosix
package import RunResults
package import Scenario
package import WSProtocol

/// Runs a `RateSearch` with the load engine: each step is the scenario at one message rate for a fixed time.
package enum RateSearchRun {
    /// The longest a step waits for its connections before it measures anyway, beyond the load's own ramp.
    package static let warmUpAllowance = Duration.seconds(30)

    /// The measurement window of a step: it opens once the plan's peak of connections is open (closed model;
    /// an open model has no population to wait for) and the rate has settled, at the latest after the ramp
    /// plus `warmUpAllowance`.
    package static func window(for plan: RunPlan, stepDuration: Duration) -> MeasurementWindow {
        let peak: Int
        let ramp: UInt64
        switch plan.load {
        case .closed(let schedule, _, _):
            peak = plan.peakConnections
            ramp = schedule.durationNanoseconds
        case .open:
            peak = 0
            ramp = 0
        }
        return MeasurementWindow(
            lengthSeconds: stepDuration.seconds,
            peakConnections: UInt64(max(peak, 0)),
            maximumWarmUpSeconds: Double(ramp) / 1e9 + Self.warmUpAllowance.seconds,
            configuration: plan.histograms
        )
    }

    /// Runs steps until the search ends or `stop` is requested; `onStep` sees each step as it finishes.
    ///
    /// - Throws: `RunPlanError` when the scenario cannot be planned, or what the coordinator throws.
    package static func run(
        scenario: Scenario,
        url: WebSocketURL,
        search initial: RateSearch,
        stepDuration: Duration,
        stop: StopSignal,
        on group: MultiThreadedEventLoopGroup,
        onStep: (RateSearchStep) -> Void = { _ in }
    ) async throws -> RateSearchDetails {
        try await Self.run(
            scenario: scenario,
            url: url,
            search: initial,
            stepDuration: stepDuration,
            stop: stop,
            on: Array(group.makeIterator()),
            onStep: onStep
        )
    }

    /// Runs the search with one worker per loop of `loops`, opening connections through `factory` and timing
    /// the steps on `clock` (tests inject an in-memory peer and virtual time).
    ///
    /// - Throws: `RunPlanError` when the scenario cannot be planned, or what the coordinator throws.
    package static func run(
        scenario: Scenario,
        url: WebSocketURL,
        search initial: RateSearch,
        stepDuration: Duration,
        stop: StopSignal,
        on loops: [any EventLoop],
        factory: any ConnectionFactory = WebSocketConnectionFactory(),
        clock: any RunClock = SystemRunClock(),
        onStep: (RateSearchStep) -> Void = { _ in }
    ) async throws -> RateSearchDetails {
        var search = initial
        var steps: [RateSearchStep] = []
        while let rate = search.nextRate, !stop.isRequested {
            var stepScenario = scenario
            stepScenario.load.messages?.rate = Rate(perSecond: Double(rate))
            var plan = try RunPlan(scenario: stepScenario, url: url, duration: stepDuration)
            let window = Self.window(for: plan, stepDuration: stepDuration)
            // The run lasts until the window is complete; the planned end only bounds a warm-up that never ends.
            let limit = stepDuration + .nanoseconds(Int64(window.maximumWarmUpSeconds * 1e9))
            plan.durationNanoseconds = limit.nanosecondsClamped
            let coordinator = Coordinator(
                plan: plan,
                stop: stop,
                target: url.text,
                measurement: window,
                factory: factory,
                runClock: clock
            )
            let outcome = try await coordinator.run(on: loops)
            if outcome.interrupted { break }
            // The step reads the run's result like every other consumer of a run (only its figures count here).
            let step = RateSearchStep(rate: rate, result: outcome.runResult(commandLine: [], toolVersion: ""))
            search.record(rate: rate, passed: step.passed)
            steps.append(step)
            onStep(step)
        }
        return RateSearchDetails(
            scenario: scenario.name,
            target: url.text,
            stepSeconds: stepDuration.seconds,
            fromRate: initial.from,
            toRate: initial.to,
            steps: steps,
            highestPassingRate: search.highestPass,
            conclusion: Self.conclusion(search, steps: steps),
            interrupted: stop.isRequested
        )
    }

    /// The search's conclusion; when no rate passed, with the thresholds the first step failed, so the
    /// sentence names why.
    static func conclusion(_ search: RateSearch, steps: [RateSearchStep]) -> String {
        guard search.highestPass == nil, let first = steps.first, !first.failedThresholds.isEmpty else {
            return search.conclusion
        }
        return search.conclusion + ": " + first.failedThresholds.joined(separator: "; ")
    }
}
