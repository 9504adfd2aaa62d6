import Testing
import WSDeflate

@Suite("Parsing a --deflate offer typed by a user")
struct DeflateOfferParsingTests {
    @Test("an empty value and 'default' give the standard offer", arguments: ["", "default", "  "])
    func emptyIsStandard(text: String) throws {
        #expect(try DeflateOffer(parsing: text) == DeflateOffer.standard)
    }

    @Test("every RFC 7692 parameter is read, with or without the extension name")
    func everyParameter() throws {
        let expected = try DeflateOffer(
            serverNoContextTakeover: true,
            clientNoContextTakeover: true,
            serverMaxWindowBits: 10,
            clientMaxWindowBits: .limit(12)
        )
        let text = [
            "server_no_context_takeover", "client_no_context_takeover", "server_max_window_bits=10",
            "client_max_window_bits=12",
        ].joined(separator: "; ")
        #expect(try DeflateOffer(parsing: text) == expected)
        #expect(try DeflateOffer(parsing: "permessage-deflate; " + text) == expected)
    }

    @Test("client_max_window_bits without a value is offered open")
    func clientWindowBitsOpen() throws {
        let offer = try DeflateOffer(parsing: "client_max_window_bits")
        #expect(offer.clientMaxWindowBits == .offered)
        #expect(offer.serverMaxWindowBits == nil)
    }

    @Test(
        "malformed offers are refused with a reason",
        arguments: [
            ("client_max_window_bits=8", "cannot"),
            ("server_max_window_bits=16", "8 to 15"),
            ("server_max_window_bits", "needs a value"),
            ("server_no_context_takeover=1", "takes no value"),
            ("bogus_parameter", "not an RFC 7692 parameter"),
            ("client_no_context_takeover; client_no_context_takeover", "twice"),
            ("client_max_window_bits=abc", "8 to 15"),
        ]
    )
    func malformedOffers(text: String, fragment: String) {
        #expect {
            _ = try DeflateOffer(parsing: text)
        } throws: { error in
            guard let error = error as? DeflateOfferSyntaxError else { return false }
            return error.code == "usage.deflate" && error.description.contains(fragment)
        }
    }
}
