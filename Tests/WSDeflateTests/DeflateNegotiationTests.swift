import Testing
import WSDeflate
import WSProtocol

@Suite("permessage-deflate negotiation (RFC 7692 §7.1, research note §4.4 table)")
struct DeflateNegotiationTests {
    private func negotiate(_ offer: DeflateOffer, _ response: String) throws -> DeflateParameters? {
        try offer.negotiate(ExtensionHeader.parse(response))
    }

    @Test("the default offer is 'permessage-deflate; client_max_window_bits'")
    func defaultOffer() throws {
        #expect(DeflateOffer.standard.headerValue == "permessage-deflate; client_max_window_bits")
        #expect(try DeflateOffer().headerValue == "permessage-deflate; client_max_window_bits")
        let full = try DeflateOffer(
            serverNoContextTakeover: true,
            clientNoContextTakeover: true,
            serverMaxWindowBits: 10,
            clientMaxWindowBits: .limit(12)
        )
        #expect(
            full.headerValue
                == "permessage-deflate; server_no_context_takeover; client_no_context_takeover; "
                + "server_max_window_bits=10; client_max_window_bits=12"
        )
        #expect(try DeflateOffer(clientMaxWindowBits: .notOffered).headerValue == "permessage-deflate")
    }

    @Test("configuring client_max_window_bits=8 is rejected because zlib cannot compress with it")
    func offerOfEightRejected() {
        let error = #expect(throws: DeflateConfigurationError.self) {
            _ = try DeflateOffer(clientMaxWindowBits: .limit(8))
        }
        #expect(error == .windowBitsUnsupported(parameter: "client_max_window_bits", value: 8))
        #expect(error?.description.contains("zlib cannot compress") == true)
        #expect(throws: DeflateConfigurationError.windowBitsOutOfRange(parameter: "server_max_window_bits", value: 16))
        {
            _ = try DeflateOffer(serverMaxWindowBits: 16)
        }
    }

    struct AcceptRow: Sendable, CustomTestStringConvertible {
        var name: String
        var offer: DeflateOffer
        var response: String
        var expected: DeflateParameters
        var testDescription: String { self.name }
    }

    static let acceptRows: [AcceptRow] = {
        do {
            return [
                AcceptRow(
                    name: "plain acceptance gives the defaults",
                    offer: .standard,
                    response: "permessage-deflate",
                    expected: DeflateParameters()
                ),
                AcceptRow(
                    name: "server_no_context_takeover not offered but answered: inflate afresh per message",
                    offer: .standard,
                    response: "permessage-deflate; server_no_context_takeover",
                    expected: DeflateParameters(serverNoContextTakeover: true)
                ),
                AcceptRow(
                    name: "client_no_context_takeover answered: reset the compressor",
                    offer: .standard,
                    response: "permessage-deflate; client_no_context_takeover",
                    expected: DeflateParameters(clientNoContextTakeover: true)
                ),
                AcceptRow(
                    name: "client_no_context_takeover offered and not answered: still reset",
                    offer: try DeflateOffer(clientNoContextTakeover: true),
                    response: "permessage-deflate",
                    expected: DeflateParameters(clientNoContextTakeover: true)
                ),
                AcceptRow(
                    name: "server_max_window_bits not offered, answered M: inflate with M",
                    offer: .standard,
                    response: "permessage-deflate; server_max_window_bits=10",
                    expected: DeflateParameters(serverMaxWindowBits: 10)
                ),
                AcceptRow(
                    name: "server_max_window_bits N answered with M <= N",
                    offer: try DeflateOffer(serverMaxWindowBits: 12),
                    response: "permessage-deflate; server_max_window_bits=12",
                    expected: DeflateParameters(serverMaxWindowBits: 12)
                ),
                AcceptRow(
                    name: "client_max_window_bits offered without value, answered M: deflate with M",
                    offer: .standard,
                    response: "permessage-deflate; client_max_window_bits=9",
                    expected: DeflateParameters(clientMaxWindowBits: 9)
                ),
                AcceptRow(
                    name: "client_max_window_bits N, absent in the answer: stay at N",
                    offer: try DeflateOffer(clientMaxWindowBits: .limit(11)),
                    response: "permessage-deflate",
                    expected: DeflateParameters(clientMaxWindowBits: 11)
                ),
                AcceptRow(
                    name: "quoted values are accepted",
                    offer: .standard,
                    response: "permessage-deflate; client_max_window_bits=\"10\"; server_max_window_bits=\"11\"",
                    expected: DeflateParameters(serverMaxWindowBits: 11, clientMaxWindowBits: 10)
                ),
                AcceptRow(
                    name: "another accepted extension is ignored here",
                    offer: .standard,
                    response: "x-other, permessage-deflate; server_no_context_takeover",
                    expected: DeflateParameters(serverNoContextTakeover: true)
                ),
            ]
        } catch {
            return []
        }
    }()

    @Test("responses the table accepts resolve to the right parameters", arguments: Self.acceptRows)
    func acceptedResponses(row: AcceptRow) throws {
        #expect(try self.negotiate(row.offer, row.response) == row.expected)
    }

    @Test("no permessage-deflate in the response means compression is off")
    func notAccepted() throws {
        #expect(try DeflateOffer.standard.negotiate([]) == nil)
        #expect(try self.negotiate(.standard, "x-webkit-something") == nil)
    }

    struct FailRow: Sendable, CustomTestStringConvertible {
        var offer: DeflateOffer
        var response: String
        var code: String
        var mention: String
        var testDescription: String { "\(self.code): \(self.response)" }
    }

    static let failRows: [FailRow] = {
        do {
            return [
                FailRow(
                    offer: try DeflateOffer(serverNoContextTakeover: true),
                    response: "permessage-deflate",
                    code: "deflate.server-no-context-takeover-missing",
                    mention: "server_no_context_takeover"
                ),
                FailRow(
                    offer: try DeflateOffer(serverMaxWindowBits: 10),
                    response: "permessage-deflate",
                    code: "deflate.server-window-bits-missing",
                    mention: "server_max_window_bits=10"
                ),
                FailRow(
                    offer: try DeflateOffer(serverMaxWindowBits: 10),
                    response: "permessage-deflate; server_max_window_bits=11",
                    code: "deflate.server-window-bits-too-large",
                    mention: "11"
                ),
                FailRow(
                    offer: try DeflateOffer(clientMaxWindowBits: .notOffered),
                    response: "permessage-deflate; client_max_window_bits=10",
                    code: "deflate.client-window-bits-not-offered",
                    mention: "did not offer"
                ),
                FailRow(
                    offer: try DeflateOffer(clientMaxWindowBits: .limit(10)),
                    response: "permessage-deflate; client_max_window_bits=12",
                    code: "deflate.client-window-bits-too-large",
                    mention: "12"
                ),
                FailRow(
                    offer: .standard,
                    response: "permessage-deflate; client_max_window_bits=8",
                    code: "deflate.client-window-bits-unsupported",
                    mention: "zlib"
                ),
                FailRow(
                    offer: .standard,
                    response: "permessage-deflate; mystery",
                    code: "deflate.unknown-parameter",
                    mention: "mystery"
                ),
                FailRow(
                    offer: .standard,
                    response: "permessage-deflate; server_no_context_takeover; server_no_context_takeover",
                    code: "deflate.duplicate-parameter",
                    mention: "repeats"
                ),
                FailRow(
                    offer: .standard,
                    response: "permessage-deflate; client_no_context_takeover=1",
                    code: "deflate.unexpected-value",
                    mention: "client_no_context_takeover"
                ),
                FailRow(
                    offer: .standard,
                    response: "permessage-deflate; server_max_window_bits=09",
                    code: "deflate.invalid-value",
                    mention: "leading zeros"
                ),
                FailRow(
                    offer: .standard,
                    response: "permessage-deflate; server_max_window_bits=16",
                    code: "deflate.invalid-value",
                    mention: "16"
                ),
                FailRow(
                    offer: .standard,
                    response: "permessage-deflate; server_max_window_bits=7",
                    code: "deflate.invalid-value",
                    mention: "8 to 15"
                ),
                FailRow(
                    offer: .standard,
                    response: "permessage-deflate; server_max_window_bits=\"ten\"",
                    code: "deflate.invalid-value",
                    mention: "ten"
                ),
                FailRow(
                    offer: .standard,
                    response: "permessage-deflate; server_max_window_bits",
                    code: "deflate.invalid-value",
                    mention: "no value"
                ),
                FailRow(
                    offer: .standard,
                    response: "permessage-deflate; client_max_window_bits",
                    code: "deflate.invalid-value",
                    mention: "no value"
                ),
                FailRow(
                    offer: .standard,
                    response: "permessage-deflate, permessage-deflate; client_no_context_takeover",
                    code: "deflate.multiple-accepted",
                    mention: "2 times"
                ),
            ]
        } catch {
            return []
        }
    }()

    @Test("responses the table rejects fail with a deflate.* code that names the cause", arguments: Self.failRows)
    func rejectedResponses(row: FailRow) throws {
        let error = #expect(throws: HandshakeError.self) {
            _ = try self.negotiate(row.offer, row.response)
        }
        #expect(error?.code == row.code)
        #expect(error?.description.contains(row.mention) == true, "\(String(describing: error?.description))")
    }

    @Test("the tables are not empty")
    func tablesBuilt() {
        #expect(Self.acceptRows.count == 10)
        #expect(Self.failRows.count == 16)
    }
}
