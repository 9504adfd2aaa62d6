/// The resident memory at the per-second sample with the most connections open (the latest such sample, when
/// opening's transient memory has had the most time to be returned).
struct HeldSample {
    private(set) var open: UInt64 = 0
    private(set) var resident: UInt64?

    mutating func offer(open: UInt64, resident: UInt64?) {
        guard let resident, open > 0, open >= self.open else { return }
        self.open = open
        self.resident = resident
    }

    /// Growth over `baseline` per open connection; `nil` without samples or below the per-connection minimum.
    func bytesPerConnection(over baseline: UInt64?) -> Double? {
        guard let baseline, let resident, self.open >= RunOutcome.Client.perConnectionMinimum else { return nil }
        return Double(resident &- min(resident, baseline)) / Double(self.open)
    }
}
