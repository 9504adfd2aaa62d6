import Testing
import WSProtocol

@Suite("HandshakeError codes are stable and distinct")
struct HandshakeErrorCodeTests {
    static let oneOfEach: [HandshakeError] = [
        .invalidRequest(reason: "r"),
        .closedBeforeResponse(receivedBytes: 0, prefix: []),
        .responseHeadTooLarge(limit: 1),
        .malformedResponse(reason: "r"),
        .upgradeMissing,
        .upgradeInvalid(received: "h2c"),
        .connectionMissing(received: nil),
        .acceptMissing(expected: "e"),
        .acceptMismatch(expected: "e", received: "r"),
        .subprotocolNotOffered(received: "a", offered: []),
        .subprotocolMissing(offered: ["a"]),
        .extensionHeaderMalformed(value: "v", reason: "r"),
        .extensionNotOffered(name: "x", offered: []),
        .deflateMultipleAccepted(count: 2),
        .deflateUnknownParameter(name: "p"),
        .deflateDuplicateParameter(name: "p"),
        .deflateUnexpectedValue(parameter: "p", value: "v"),
        .deflateInvalidValue(parameter: "p", value: nil),
        .deflateServerNoContextTakeoverMissing,
        .deflateServerWindowBitsMissing(offered: 10),
        .deflateServerWindowBitsTooLarge(offered: 10, received: 12),
        .deflateClientWindowBitsNotOffered(received: 10),
        .deflateClientWindowBitsTooLarge(offered: 10, received: 12),
        .deflateClientWindowBitsUnsupported(received: 8),
    ]

    @Test("every case has its own dotted code under handshake. or deflate., and a sentence, not a case name")
    func codesDistinct() {
        let statusCodes = HandshakeStatusClass.allCases.map(\.code)
        let codes = Self.oneOfEach.map(\.code) + statusCodes
        #expect(Set(codes).count == codes.count)
        for error in Self.oneOfEach {
            #expect(error.code.hasPrefix("handshake.") || error.code.hasPrefix("deflate."))
            #expect(error.code.allSatisfy { $0.isLowercase || $0 == "." || $0 == "-" })
            #expect(error.description.hasSuffix("."), "\(error.code)")
            #expect(!error.description.contains("HandshakeError"), "\(error.code)")
        }
    }

    @Test(
        "status codes map to their class",
        arguments: [
            (200, "not-upgraded"), (204, "not-upgraded"), (301, "redirect"), (308, "redirect"), (401, "unauthorized"),
            (403, "forbidden"), (404, "not-found"), (426, "upgrade-required"), (400, "client-error"),
            (429, "client-error"), (502, "gateway-error"), (503, "gateway-error"), (504, "gateway-error"),
            (500, "server-error"), (505, "server-error"), (100, "unexpected"), (101, "unexpected"),
            (600, "unexpected"),
        ]
    )
    func statusClasses(status: Int, suffix: String) {
        #expect(HandshakeStatusClass(status: status).code == "handshake.status." + suffix)
    }
}
