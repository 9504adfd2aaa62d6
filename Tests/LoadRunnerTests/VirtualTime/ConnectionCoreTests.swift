import NIOCore
import ResultCodes
import Scenario
import Testing

@testable import LoadRunner

/// The connection core in virtual time: exact send instants, windows, timeouts, repeats and closes.
@Suite("Connection core in virtual time")
struct ConnectionCoreTests {
    static let t0: UInt64 = 1_000_000_000
    static let sendEcho: [ScriptProgram.Instruction] = [
        .repeatStart(limit: .forever, end: 3),
        .send(kind: .binary, payload: .sized(64)),
        .expect(match: .any, timeoutNanoseconds: .ms(2000), pipelined: true),
        .repeatEnd(start: 0),
    ]

    static func repeating(_ times: Int, _ body: [ScriptProgram.Instruction]) -> [ScriptProgram.Instruction] {
        [.repeatStart(limit: .times(times), end: body.count + 1)] + body + [.repeatEnd(start: 0)]
    }

    @Test("a per-connection rate sends at exactly the planned instants and nothing at or after the run's end")
    func pacedSendsAtPlannedInstants() {
        var harness = CoreHarness(Self.sendEcho, messages: MessageRate(rate: Rate(perSecond: 10)))
        harness.open(runEnd: Self.t0 + .ms(1000))
        harness.advance(to: Self.t0 + .ms(5000))
        let planned = (0..<10).map { Self.t0 + .ms(100) * UInt64($0) }
        #expect(harness.sent.map(\.intended) == planned)
        #expect(harness.sent.map(\.at) == planned)
        #expect(harness.sent.map(\.seq) == Array(0..<10))
        #expect(harness.armed[.pacer] == nil)
        #expect(harness.closes.isEmpty)
    }

    @Test("an in-flight window of 2 holds the third send until an echo frees a place, then sends at that instant")
    func inFlightWindowHoldsSends() {
        var harness = CoreHarness(
            Self.repeating(
                5,
                [
                    .send(kind: .binary, payload: .sized(64)),
                    .expect(match: .any, timeoutNanoseconds: .ms(500), pipelined: true),
                ]
            ),
            inFlight: 2
        )
        harness.open()
        #expect(harness.sent.map(\.seq) == [0, 1])
        #expect(harness.core.waitingForPermitSince == Self.t0)
        harness.advance(to: Self.t0 + .ms(3))
        let receipt = harness.echo(0)
        #expect(receipt.intendedNanoseconds == Self.t0)
        #expect(receipt.firstAfterOpenedAt == Self.t0)
        #expect(harness.sent.map(\.seq) == [0, 1, 2])
        #expect(harness.sent[2].intended == Self.t0 + .ms(3))
        for seq: UInt64 in 1...4 {
            harness.advance(to: harness.now + .ms(1))
            harness.echo(seq)
        }
        #expect(harness.sent.count == 5)
        #expect(harness.closes.map(\.code) == [1000])
        #expect(harness.closes.first?.at == Self.t0 + .ms(7))
        #expect(harness.faults.isEmpty)
    }

    @Test("an expect times out at exactly its timeout with expect.timeout, and the script goes on at that instant")
    func expectTimesOutExactly() {
        var harness = CoreHarness([
            .send(kind: .binary, payload: .sized(64)),
            .expect(match: .any, timeoutNanoseconds: .ms(2000), pipelined: false),
            .send(kind: .binary, payload: .sized(64)),
            .expect(match: .any, timeoutNanoseconds: .ms(2000), pipelined: false),
        ])
        harness.open()
        #expect(harness.armed[.script] == Self.t0 + .ms(2000))
        harness.advance(to: Self.t0 + .ms(1999))
        #expect(harness.faults.isEmpty)
        harness.advance(to: Self.t0 + .ms(2000))
        #expect(harness.faults == [ErrorCode.expectTimeout.rawValue])
        #expect(harness.sent.map(\.at) == [Self.t0, Self.t0 + .ms(2000)])
        harness.advance(to: Self.t0 + .ms(2500))
        harness.echo(1)
        #expect(harness.armed[.script] == nil)
        // Sequence 0 was never answered: the close waits for it (drain) until a sweep expires it.
        #expect(harness.closes.isEmpty)
        #expect(harness.sweep() == 1)
        #expect(harness.faults == [ErrorCode.expectTimeout.rawValue, ErrorCode.expectTimeout.rawValue])
        #expect(harness.closes.map(\.code) == [1000])
    }

    @Test("a repeat of 3 sends exactly 3 times, then the script's end closes with 1000")
    func repeatCountsExactly() {
        var harness = CoreHarness(
            Self.repeating(
                3,
                [
                    .send(kind: .binary, payload: .sized(64)),
                    .expect(match: .any, timeoutNanoseconds: .ms(100), pipelined: false),
                ]
            )
        )
        harness.open()
        for seq: UInt64 in 0..<3 {
            harness.advance(to: harness.now + .ms(10))
            harness.echo(seq)
        }
        #expect(harness.sent.map(\.at) == [Self.t0, Self.t0 + .ms(10), Self.t0 + .ms(20)])
        #expect(harness.closes.map(\.code) == [1000])
        #expect(harness.closes.first?.at == Self.t0 + .ms(30))
        let report = harness.core.closed(local: true)
        #expect(report.end == .completed)
        #expect(report.lost == 0)
        #expect(report.closeStartedAt == Self.t0 + .ms(30))
    }

    @Test("a repeat for a duration stops at the first loop end at or after its deadline")
    func repeatForDuration() {
        var harness = CoreHarness([
            .repeatStart(limit: .nanoseconds(.ms(250)), end: 3),
            .send(kind: .binary, payload: .sized(64)),
            .sleep(nanoseconds: .ms(100)),
            .repeatEnd(start: 0),
        ])
        harness.open()
        harness.advance(to: Self.t0 + .ms(1000))
        #expect(harness.sent.map(\.at) == [Self.t0, Self.t0 + .ms(100), Self.t0 + .ms(200)])
    }

    @Test("a message that does not match the expect counts expect.mismatch and the script goes on")
    func mismatchIsCounted() {
        var harness = CoreHarness([
            .expect(match: .regex("^ok"), timeoutNanoseconds: .ms(100), pipelined: false),
            .sleep(nanoseconds: .ms(50)),
        ])
        harness.open()
        harness.receive(ByteBuffer(string: "nope"), text: true)
        #expect(harness.faults == [ErrorCode.expectMismatch.rawValue])
        #expect(harness.armed[.script] == Self.t0 + .ms(50))
    }

    @Test("a ping waits for its own pong, which gives the ping's send instant; a missing one is ping.timeout")
    func pingAndPong() {
        var harness = CoreHarness([
            .ping(payload: "p1", timeoutNanoseconds: .ms(100)),
            .ping(payload: "p2", timeoutNanoseconds: .ms(100)),
        ])
        harness.open()
        harness.advance(to: Self.t0 + .ms(7))
        #expect(harness.pong(ByteBuffer(string: "other")) == nil)
        #expect(harness.pong(ByteBuffer(string: "p1")) == Self.t0)
        #expect(harness.pings.map(\.at) == [Self.t0, Self.t0 + .ms(7)])
        harness.advance(to: Self.t0 + .ms(107))
        #expect(harness.faults == [ErrorCode.pingTimeout.rawValue])
        #expect(harness.closes.map(\.at) == [Self.t0 + .ms(107)])
    }

    @Test("a draining stop closes only once the last echo arrives; a plain stop closes at once")
    func stopDrainsThenCloses() {
        var draining = CoreHarness(Self.sendEcho, inFlight: 3)
        draining.open()
        #expect(draining.sent.count == 3)
        draining.stop(code: 1000, drain: true)
        #expect(draining.closes.isEmpty)
        draining.echo(0)
        draining.echo(1)
        #expect(draining.closes.isEmpty)
        #expect(draining.sent.count == 3)
        draining.advance(to: Self.t0 + .ms(4))
        draining.echo(2)
        #expect(draining.closes.map(\.code) == [1000])
        #expect(draining.closes.first?.at == Self.t0 + .ms(4))
        #expect(draining.core.closed(local: true).end == .stopped)

        var plain = CoreHarness(Self.sendEcho, inFlight: 3)
        plain.open()
        plain.stop(code: 1001, drain: false)
        #expect(plain.closes.map(\.code) == [1001])
        let report = plain.core.closed(local: true)
        #expect(report.lost == 3)
        #expect(report.end == .stopped)
    }

    @Test("the churn lifetime closes at exactly open + lifetime with reason 'lifetime'")
    func lifetimeCloses() {
        var harness = CoreHarness([.sleep(nanoseconds: .ms(60_000))], lifetime: .ms(5000))
        harness.open()
        #expect(harness.armed[.lifetime] == Self.t0 + .ms(5000))
        harness.advance(to: Self.t0 + .ms(5000))
        #expect(harness.closes.map(\.reason) == ["lifetime"])
        #expect(harness.closes.first?.at == Self.t0 + .ms(5000))
        #expect(harness.armed.isEmpty)
        #expect(harness.core.closed(local: true).end == .lifetime)
    }

    @Test("a connection the server closes first ends failed, with its outstanding messages lost")
    func serverCloseFails() {
        var harness = CoreHarness(Self.sendEcho, inFlight: 2)
        harness.open()
        let report = harness.core.closed(local: false)
        #expect(report.closeStartedAt == nil)
        #expect(report.lost == 2)
        #expect(report.end == .failed)
    }

    @Test("once the peer's close frame arrived, the script sends nothing more and no close of its own")
    func peerClosingStopsTheScript() {
        var harness = CoreHarness(Self.sendEcho, inFlight: 1)
        harness.open()
        harness.peer = PeerState(isOpen: false, closeIsNext: false)
        harness.echo(0)
        #expect(harness.sent.count == 1)
        #expect(harness.closes.isEmpty)
    }

    @Test("a total-rate send asks for a permit and sends with the permit's intended time")
    func totalRatePermits() {
        var harness = CoreHarness(Self.sendEcho, messages: MessageRate(rate: Rate(perSecond: 100), per: .total))
        harness.open()
        #expect(harness.permitRequests == 1)
        #expect(harness.sent.isEmpty)
        #expect(harness.core.waitingForPermitSince == Self.t0)
        harness.advance(to: Self.t0 + .ms(20))
        harness.grant(intended: Self.t0 + .ms(10))
        #expect(harness.sent == [CoreHarness.Sent(seq: 0, intended: Self.t0 + .ms(10), at: Self.t0 + .ms(20))])
        #expect(harness.permitRequests == 2)
    }
}
