import Testing
import WSProtocol
import WSTransport

/// The close line names the close frame each side sent, who started closing and how TCP ended, so a
/// connection wsprobe failed with 1002 never reads as a bare "1006, no close frame".
@Suite("Close description")
struct CloseDescriptionTests {
    @Test(
        "each way a connection ends reads as what was sent, what was received, who closed and how TCP ended",
        arguments: [
            (
                CloseOutcome(code: .normalClosure, initiator: .local, wasClean: true, sentCode: .normalClosure),
                TransportEnd.peerFIN,
                "1000 normal closure, initiated by wsprobe, clean"
            ),
            (
                CloseOutcome(
                    code: .goingAway,
                    reason: "idle",
                    initiator: .remote,
                    wasClean: true,
                    sentCode: .goingAway
                ),
                .local,
                "1001 going away 'idle', initiated by the server, clean"
            ),
            (
                CloseOutcome(code: .goingAway, initiator: .local, wasClean: true, sentCode: .normalClosure),
                .peerFIN,
                "1001 going away, initiated by wsprobe (sent 1000 normal closure), clean"
            ),
            (
                CloseOutcome(
                    code: .abnormalClosure,
                    initiator: .local,
                    wasClean: false,
                    sentCode: .protocolError,
                    error: ProtocolError.reservedOpcode(3)
                ),
                .local,
                "sent 1002 protocol error, received no close frame (1006), initiated by wsprobe; wsprobe ended TCP,"
                    + " not clean"
            ),
            (
                CloseOutcome(code: .abnormalClosure, initiator: .remote, wasClean: false),
                .peerReset,
                "sent no close frame, received no close frame (1006), initiated by the server or the network;"
                    + " the server reset TCP (RST), not clean"
            ),
            (
                CloseOutcome(
                    code: .abnormalClosure,
                    initiator: .local,
                    wasClean: false,
                    sentCode: .normalClosure,
                    closeTimedOut: true
                ),
                .local,
                "sent 1000 normal closure, received no close frame (1006), initiated by wsprobe; wsprobe ended TCP"
                    + " (the server did not end TCP in time), not clean"
            ),
        ]
    )
    func line(outcome: CloseOutcome, transport: TransportEnd, expected: String) {
        #expect(CloseDescription.line(outcome, transport: transport) == expected)
    }
}
