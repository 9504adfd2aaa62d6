package import NIOPosix
package import Scenario
package import WSProtocol

/// Runs a `RateSearch` with the load engine: each step is the scenario at one message rate for a fixed time.
package enum RateSearchRun {
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
    ) async throws -> RateSearchResult {
        var search = initial
        var steps: [RateSearchStep] = []
        while let rate = search.nextRate, !stop.isRequested {
            var stepScenario = scenario
            stepScenario.load.messages?.rate = Rate(perSecond: Double(rate))
            let plan = try RunPlan(scenario: stepScenario, url: url, duration: stepDuration)
            let outcome = try await Coordinator(plan: plan, stop: stop, target: url.text).run(on: group)
            if outcome.interrupted { break }
            let step = RateSearchStep(rate: rate, outcome: outcome)
            search.record(rate: rate, passed: step.passed)
            steps.append(step)
            onStep(step)
        }
        return RateSearchResult(
            scenario: scenario.name,
            target: url.text,
            stepSeconds: stepDuration.seconds,
            steps: steps,
            highestPassingRate: search.highestPass,
            conclusion: search.conclusion,
            interrupted: stop.isRequested
        )
    }
}
