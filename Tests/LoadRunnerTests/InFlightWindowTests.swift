import Testing

@testable import LoadRunner

/// Matching echoes to sends: loss, duplication and reordering.
struct InFlightWindowTests {
    @Test("in-order echoes match once; a second copy is a duplicate; an unsent sequence is unknown")
    func inOrder() {
        var window = InFlightWindow()
        let a = window.add(intendedNanoseconds: 10, deadlineNanoseconds: 100)
        let b = window.add(intendedNanoseconds: 20, deadlineNanoseconds: 110)
        #expect(window.match(seq: a) == .matched(intendedNanoseconds: 10, reordered: false))
        #expect(window.match(seq: a) == .duplicate)
        #expect(window.match(seq: 99) == .unknown)
        #expect(window.match(seq: b) == .matched(intendedNanoseconds: 20, reordered: false))
        #expect(window.isEmpty)
    }

    @Test("an echo that overtakes an older one is counted as reordered")
    func reordered() {
        var window = InFlightWindow()
        let a = window.add(intendedNanoseconds: 1, deadlineNanoseconds: 100)
        let b = window.add(intendedNanoseconds: 2, deadlineNanoseconds: 100)
        #expect(window.match(seq: b) == .matched(intendedNanoseconds: 2, reordered: true))
        #expect(window.match(seq: a) == .matched(intendedNanoseconds: 1, reordered: false))
    }

    @Test("messages past their deadline expire in order, later ones stay")
    func expiry() {
        var window = InFlightWindow()
        _ = window.add(intendedNanoseconds: 0, deadlineNanoseconds: 100)
        _ = window.add(intendedNanoseconds: 0, deadlineNanoseconds: 200)
        let c = window.add(intendedNanoseconds: 0, deadlineNanoseconds: 300)
        #expect(window.expire(before: 250) == 2)
        #expect(window.outstanding == 1)
        #expect(window.match(seq: 0) == .duplicate)
        #expect(window.match(seq: c) == .matched(intendedNanoseconds: 0, reordered: false))
    }

    @Test("closing drains every outstanding message as lost")
    func drain() {
        var window = InFlightWindow()
        for index in 0..<5 { _ = window.add(intendedNanoseconds: UInt64(index), deadlineNanoseconds: 1000) }
        _ = window.match(seq: 2)
        #expect(window.drainAll() == 4)
        #expect(window.isEmpty)
    }

    @Test("unstamped echoes match the oldest outstanding send")
    func oldest() {
        var window = InFlightWindow()
        _ = window.add(intendedNanoseconds: 5, deadlineNanoseconds: 1000)
        _ = window.add(intendedNanoseconds: 6, deadlineNanoseconds: 1000)
        #expect(window.matchOldest() == 5)
        #expect(window.matchOldest() == 6)
        #expect(window.matchOldest() == nil)
    }

    @Test("a long run of sends and answers keeps working after compaction")
    func compaction() {
        var window = InFlightWindow()
        var matched = 0
        for _ in 0..<5000 {
            _ = window.add(intendedNanoseconds: 0, deadlineNanoseconds: 1)
        }
        for seq in 0..<5000 where seq % 2 == 0 {
            if case .matched = window.match(seq: UInt64(seq)) { matched += 1 }
        }
        for seq in 0..<5000 where seq % 2 == 1 {
            if case .matched = window.match(seq: UInt64(seq)) { matched += 1 }
        }
        #expect(matched == 5000)
        #expect(window.isEmpty)
    }
}
