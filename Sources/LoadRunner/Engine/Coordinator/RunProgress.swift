import Foundation
import LoadMetrics
import NIOCore
import RunResults

/// What a `Coordinator` gathers while a run goes: the per-second series, the latest worker reports, the
/// measurement window, the verdict so far, and the client's resource baseline.
struct RunProgress {
    let baseline: ResourceUsage
    let residentBaseline: UInt64?
    let startedAt = Date()
    let clock: any RunClock
    let begin: NIODeadline
    var held = HeldSample()
    var series = TimeSeries()
    var reports: [WorkerReport] = []
    var second: Int64 = 0
    var abortedBy: String?
    var peakOpen: UInt64 = 0
    var window: MeasurementWindow?

    init(baseline: ResourceUsage, residentBaseline: UInt64?, window: MeasurementWindow?, clock: any RunClock) {
        self.baseline = baseline
        self.residentBaseline = residentBaseline
        self.window = window
        self.clock = clock
        self.begin = clock.now
    }

    /// Time since the run began.
    var elapsed: Duration { Duration(self.clock.now - self.begin) }
}
