/// A validated scenario: what to connect to, what to expect, how much load, what each connection does, and
/// which thresholds decide pass or fail.
///
/// Built only by `ScenarioLoader`, which has already checked every rule below, so consumers need not
/// re-validate. Plain values, `Sendable`, so a scenario can be handed to every worker.
package struct Scenario: Sendable, Hashable {
    /// A short name used in report folders and JUnit suite names (required).
    package var name: String
    package var description: String?
    /// The file the scenario came from (relative paths inside are resolved against its directory).
    package var sourceFile: String
    package var target: Target
    /// Checks on the upgrade response (RFC 6455 §4.1); by default only "status 101".
    package var expect: UpgradeExpectation
    /// How to learn which backend served a connection; required by `routes` and `weights`.
    package var identity: IdentitySource?
    package var load: LoadModel
    /// Total run time. When absent, the run lasts as long as the load model's stages, and in the closed
    /// model with no stages to wait for, until every connection has finished its steps.
    package var duration: Duration?
    /// What every connection does after the upgrade, in order.
    package var steps: [Step]
    package var routes: [Route]
    package var weights: WeightExpectation?
    package var thresholds: [Threshold]
    package var output: OutputOptions
    /// The scenario document as loaded, `--set` overrides applied, as plain JSON (for ``RunResult``'s
    /// `scenario`; not redacted here).
    package var document: JSONValue?

    package init(
        name: String,
        description: String? = nil,
        sourceFile: String = "<memory>",
        target: Target = Target(),
        expect: UpgradeExpectation = UpgradeExpectation(),
        identity: IdentitySource? = nil,
        load: LoadModel = .closed(ClosedLoad()),
        duration: Duration? = nil,
        steps: [Step] = [],
        routes: [Route] = [],
        weights: WeightExpectation? = nil,
        thresholds: [Threshold] = [],
        output: OutputOptions = OutputOptions()
    ) {
        self.name = name
        self.description = description
        self.sourceFile = sourceFile
        self.target = target
        self.expect = expect
        self.identity = identity
        self.load = load
        self.duration = duration
        self.steps = steps
        self.routes = routes
        self.weights = weights
        self.thresholds = thresholds
        self.output = output
    }

    /// The number of steps, counting those nested in `repeat` once each.
    package var stepCount: Int { steps.reduce(0) { $0 + $1.flattenedCount } }

    /// The planned run time: `duration` if given, else the stages' total, else nil (run until the steps end).
    package var plannedDuration: Duration? {
        if let duration { return duration }
        let staged = load.stagedDuration
        return staged > .zero ? staged : nil
    }

    /// Resolves a path written in the scenario (payload file, TLS files) against the scenario's folder.
    package func resolvePath(_ path: String) -> String {
        guard !path.hasPrefix("/"), let slash = sourceFile.lastIndex(of: "/") else { return path }
        return String(sourceFile[...slash]) + path
    }
}
