package import LoadMetrics
package import NIOCore
package import Scenario
package import WSTransport

/// Everything a run needs, resolved from a scenario and the command line: Sendable, handed to every worker.
package struct RunPlan: Sendable {
    /// The load model in engine terms.
    package enum Load: Sendable, Equatable {
        /// `ramp` gives the target number of connections over time; `churn` closes and reopens them.
        case closed(ramp: ConnectionRampSchedule, maxConnections: Int, churn: Churn?)
        /// New connections arrive per `schedule`; `maxConnections` caps how many are open at once.
        case open(schedule: ArrivalRateSchedule, spacing: Spacing, maxConnections: Int?)
    }

    package var name: String
    package var connect: ConnectOptions
    /// Local addresses to connect from, used round robin so ephemeral ports do not run out.
    package var sources: [SocketAddress]
    package var load: Load
    /// Message pacing; `nil` sends as fast as the script goes (closed loop).
    package var messages: MessageRate?
    /// Unpaced runs only: how many echoes may be outstanding per connection (`send` + `expect` pairs are
    /// pipelined up to this window); `nil` waits for each echo.
    package var inFlight: Int?
    package var program: ScriptProgram
    /// Run length; `nil` runs until every connection has finished its script.
    package var durationNanoseconds: UInt64?
    package var shard: Shard
    package var thresholds: [Threshold]
    package var expectation: UpgradeExpectation
    /// The 101 response header that names the serving target (`identity.header`, or `X-Wsprobe-Target`, which
    /// `wsprobe serve --id` sets); each upgraded connection counts once for the target it names.
    package var identityHeader = "X-Wsprobe-Target"
    /// Histogram range and precision (1 µs to 60 s, 3 significant digits by default).
    package var histograms: HistogramConfiguration
    /// How long a stopping run waits for closing handshakes before aborting what is left.
    package var drainNanoseconds: UInt64
    /// Seed for Poisson spacing (a shard and worker offset is added), so runs are repeatable.
    package var seed: UInt64

    package init(
        name: String,
        connect: ConnectOptions,
        load: Load,
        program: ScriptProgram,
        messages: MessageRate? = nil,
        sources: [SocketAddress] = [],
        durationNanoseconds: UInt64? = nil,
        shard: Shard = .whole,
        thresholds: [Threshold] = [],
        expectation: UpgradeExpectation = UpgradeExpectation()
    ) {
        self.name = name
        self.connect = connect
        self.load = load
        self.program = program
        self.messages = messages
        self.inFlight = nil
        self.sources = sources
        self.durationNanoseconds = durationNanoseconds
        self.shard = shard
        self.thresholds = thresholds
        self.expectation = expectation
        self.histograms = .latencyMicroseconds
        self.drainNanoseconds = 7_000_000_000
        self.seed = 0x5EED
    }

    /// The most connections this process may hold at once (after sharding), for descriptor checks.
    package var peakConnections: Int {
        switch self.load {
        case .closed(_, let maxConnections, _):
            return self.shard.share(of: maxConnections)
        case .open(let schedule, _, let maxConnections):
            if let maxConnections { return self.shard.share(of: maxConnections) }
            return self.shard.share(of: Int(min(Double(Int.max / 2), schedule.expectedArrivals.rounded(.up))))
        }
    }
}
