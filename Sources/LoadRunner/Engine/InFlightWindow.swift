/// Messages sent on one connection and not yet answered, in sequence order: O(1) to add, match and expire,
/// no hashing and no allocation once warmed up.
struct InFlightWindow {
    /// One sent message.
    struct Entry {
        var seq: UInt64
        var intendedNanoseconds: UInt64
        var deadlineNanoseconds: UInt64
        var answered: Bool
    }

    /// What matching a received sequence number found.
    enum Match: Equatable {
        /// The message was outstanding; `reordered` when an older one is still outstanding.
        case matched(intendedNanoseconds: UInt64, reordered: Bool)
        /// Already answered (or expired): a duplicate or a late echo.
        case duplicate
        /// Never sent.
        case unknown
    }

    private var entries: [Entry] = []
    private var head = 0
    private(set) var outstanding = 0
    /// The sequence number the next send gets.
    private(set) var nextSeq: UInt64 = 0

    var isEmpty: Bool { self.outstanding == 0 }

    /// Registers a send and returns its sequence number.
    mutating func add(intendedNanoseconds: UInt64, deadlineNanoseconds: UInt64) -> UInt64 {
        let seq = self.nextSeq
        self.nextSeq += 1
        self.entries.append(
            Entry(
                seq: seq,
                intendedNanoseconds: intendedNanoseconds,
                deadlineNanoseconds: deadlineNanoseconds,
                answered: false
            )
        )
        self.outstanding += 1
        return seq
    }

    /// Matches a received sequence number.
    mutating func match(seq: UInt64) -> Match {
        guard seq < self.nextSeq else { return .unknown }
        guard self.head < self.entries.count, seq >= self.entries[self.head].seq else { return .duplicate }
        let index = self.head + Int(seq - self.entries[self.head].seq)
        guard index < self.entries.count, !self.entries[index].answered else { return .duplicate }
        self.entries[index].answered = true
        self.outstanding -= 1
        let reordered = index != self.head
        let intended = self.entries[index].intendedNanoseconds
        self.advance()
        return .matched(intendedNanoseconds: intended, reordered: reordered)
    }

    /// Matches the oldest outstanding message (for payloads without a stamp, which echo in order).
    mutating func matchOldest() -> UInt64? {
        guard self.head < self.entries.count else { return nil }
        if case .matched(let intended, _) = self.match(seq: self.entries[self.head].seq) { return intended }
        return nil
    }

    /// Expires outstanding messages whose deadline is before `now`; returns how many.
    mutating func expire(before now: UInt64) -> Int {
        var expired = 0
        var index = self.head
        while index < self.entries.count {
            if !self.entries[index].answered {
                // Deadlines grow with the sequence for one expect timeout; stop at the first that has not passed.
                guard self.entries[index].deadlineNanoseconds < now else { break }
                self.entries[index].answered = true
                self.outstanding -= 1
                expired += 1
            }
            index += 1
        }
        self.advance()
        return expired
    }

    /// Forgets every outstanding message (the connection closed); returns how many were lost.
    mutating func drainAll() -> Int {
        let lost = self.outstanding
        self.entries.removeAll(keepingCapacity: true)
        self.head = 0
        self.outstanding = 0
        return lost
    }

    private mutating func advance() {
        while self.head < self.entries.count, self.entries[self.head].answered { self.head += 1 }
        if self.head == self.entries.count {
            self.entries.removeAll(keepingCapacity: true)
            self.head = 0
        } else if self.head > 1024, self.head * 2 > self.entries.count {
            self.entries.removeFirst(self.head)
            self.head = 0
        }
    }
}
