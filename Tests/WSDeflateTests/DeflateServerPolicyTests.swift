import Testing
import WSDeflate
import WSProtocol

@Suite("Server-side permessage-deflate answers")
struct DeflateServerPolicyTests {
    private func respond(_ policy: DeflateServerPolicy, _ offers: String) throws -> (String, DeflateParameters)? {
        guard let (response, parameters) = policy.respond(to: try ExtensionHeader.parse(offers)) else { return nil }
        return (response.headerText, parameters)
    }

    @Test("the browser offer is accepted as it stands")
    func defaultOffer() throws {
        let answer = try #require(try self.respond(DeflateServerPolicy(), "permessage-deflate; client_max_window_bits"))
        #expect(answer.0 == "permessage-deflate")
        #expect(answer.1 == DeflateParameters())
    }

    @Test("a client's server_no_context_takeover and server_max_window_bits are honoured in the answer")
    func honoursClientRequests() throws {
        let answer = try #require(
            try self.respond(
                DeflateServerPolicy(),
                "permessage-deflate; server_no_context_takeover; server_max_window_bits=10"
            )
        )
        #expect(answer.0 == "permessage-deflate; server_no_context_takeover; server_max_window_bits=10")
        #expect(answer.1 == DeflateParameters(serverNoContextTakeover: true, serverMaxWindowBits: 10))
    }

    @Test("an offer that limits the server window to 8 is declined and the next offer is used")
    func declinesWindowEight() throws {
        #expect(try self.respond(DeflateServerPolicy(), "permessage-deflate; server_max_window_bits=8") == nil)
        let answer = try #require(
            try self.respond(DeflateServerPolicy(), "permessage-deflate; server_max_window_bits=8, permessage-deflate")
        )
        #expect(answer.0 == "permessage-deflate")
    }

    @Test("an offer with an invalid parameter is declined")
    func declinesInvalidOffer() throws {
        #expect(try self.respond(DeflateServerPolicy(), "permessage-deflate; bogus") == nil)
        #expect(try self.respond(DeflateServerPolicy(), "permessage-deflate; client_max_window_bits=07") == nil)
        #expect(try self.respond(DeflateServerPolicy(), "x-other") == nil)
    }

    @Test("the policy limits the client window only when the client offered client_max_window_bits")
    func clientWindowLimit() throws {
        let policy = try DeflateServerPolicy(clientNoContextTakeover: true, clientMaxWindowBits: 10)
        let limited = try #require(try self.respond(policy, "permessage-deflate; client_max_window_bits"))
        #expect(limited.0 == "permessage-deflate; client_no_context_takeover; client_max_window_bits=10")
        #expect(limited.1 == DeflateParameters(clientNoContextTakeover: true, clientMaxWindowBits: 10))
        let unlimited = try #require(try self.respond(policy, "permessage-deflate"))
        #expect(unlimited.0 == "permessage-deflate; client_no_context_takeover")
        #expect(unlimited.1.clientMaxWindowBits == 15)
    }

    @Test(
        "the server's answer, checked by the client, gives both sides the same parameters",
        arguments: [
            "permessage-deflate; client_max_window_bits",
            "permessage-deflate; server_no_context_takeover; client_no_context_takeover",
            "permessage-deflate; server_max_window_bits=9; client_max_window_bits=12",
        ]
    )
    func bothSidesAgree(offerText: String) throws {
        let policy = try DeflateServerPolicy(serverMaxWindowBits: 14, clientMaxWindowBits: 11)
        let offers = try ExtensionHeader.parse(offerText)
        let (response, serverParameters) = try #require(policy.respond(to: offers))
        let offer = try self.offer(from: offers[0])
        let clientParameters = try offer.negotiate([response])
        #expect(clientParameters == serverParameters)
    }

    @Test("server windows of 8 or outside 8-15 cannot be configured")
    func policyValidation() {
        #expect(throws: DeflateConfigurationError.windowBitsUnsupported(parameter: "server_max_window_bits", value: 8))
        {
            _ = try DeflateServerPolicy(serverMaxWindowBits: 8)
        }
        #expect(throws: DeflateConfigurationError.windowBitsOutOfRange(parameter: "client_max_window_bits", value: 3)) {
            _ = try DeflateServerPolicy(clientMaxWindowBits: 3)
        }
    }

    private func offer(from element: WebSocketExtension) throws -> DeflateOffer {
        var serverBits: Int?
        var clientBits = DeflateOffer.ClientWindowBits.notOffered
        for parameter in element.parameters {
            switch parameter.name {
            case "server_max_window_bits": serverBits = parameter.value.flatMap { Int($0) }
            case "client_max_window_bits":
                clientBits = parameter.value.flatMap { Int($0) }.map { .limit($0) } ?? .offered
            default: break
            }
        }
        let names = element.parameters.map(\.name)
        return try DeflateOffer(
            serverNoContextTakeover: names.contains("server_no_context_takeover"),
            clientNoContextTakeover: names.contains("client_no_context_takeover"),
            serverMaxWindowBits: serverBits,
            clientMaxWindowBits: clientBits
        )
    }
}
