/// One worker's open-model arrivals: when new connections start, and how many may be open at once.
struct Arrivals {
    private var pacer: Pacer
    /// This worker's share of `max_connections`, if there is one.
    let cap: Int?

    init(pacer: Pacer, cap: Int?) {
        self.pacer = pacer
        self.cap = cap
    }

    /// Whether another arrival is due at `now` (taking it).
    mutating func popDue(now: UInt64) -> Bool {
        self.pacer.popDue(atNanoseconds: now) != nil
    }

    /// Whether the schedule has ended.
    var isFinished: Bool { self.pacer.isFinished }
}
