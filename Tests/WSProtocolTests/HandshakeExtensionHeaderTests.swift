import Testing
import WSProtocol

@Suite("Sec-WebSocket-Extensions grammar (RFC 6455 §9.1)")
struct HandshakeExtensionHeaderTests {
    @Test("extensions, parameters, token and quoted values and whitespace parse into structured values")
    func parsesGrammar() throws {
        let parsed = try ExtensionHeader.parse(
            " permessage-deflate ;client_max_window_bits; server_max_window_bits = \"10\" ,\tx-foo;a=b , , x-bar "
        )
        #expect(
            parsed == [
                WebSocketExtension(
                    name: "permessage-deflate",
                    parameters: [
                        .init(name: "client_max_window_bits"), .init(name: "server_max_window_bits", value: "10"),
                    ]
                ),
                WebSocketExtension(name: "x-foo", parameters: [.init(name: "a", value: "b")]),
                WebSocketExtension(name: "x-bar"),
            ]
        )
    }

    @Test("a quoted value may use backslash escapes as long as the result is a token")
    func quotedEscapes() throws {
        let parsed = try ExtensionHeader.parse("x; p=\"a\\b\"")
        #expect(parsed[0].parameters == [.init(name: "p", value: "ab")])
    }

    @Test(
        "input that breaks the grammar is an error naming the problem",
        arguments: [
            ("", "lists no extension"),
            (" , ", "lists no extension"),
            (";", "extension name"),
            ("a;", "parameter name"),
            ("a; =1", "parameter name"),
            ("a=b", "after extension 'a'"),
            ("a; b=", "a value for 'b'"),
            ("a; b=\"c d\"", "not a token"),
            ("a; b=\"\"", "not a token"),
            ("a; b=\"c", "not closed"),
            ("a b", "after extension 'a'"),
            ("a;;b", "parameter name"),
            ("a; b=c=d", "after extension 'a'"),
            ("a; b=\"c\"d", "after extension 'a'"),
        ]
    )
    func malformed(value: String, reason: String) {
        let error = #expect(throws: ExtensionHeader.SyntaxError.self) { _ = try ExtensionHeader.parse(value) }
        #expect(error?.reason.contains(reason) == true, "\(String(describing: error?.reason))")
    }

    @Test("formatting writes tokens bare and quotes anything else; parse reads it back")
    func formatRoundTrip() throws {
        let extensions = [
            WebSocketExtension(
                name: "permessage-deflate",
                parameters: [
                    .init(name: "client_no_context_takeover"), .init(name: "server_max_window_bits", value: "9"),
                ]
            ),
            WebSocketExtension(name: "x-note", parameters: [.init(name: "text", value: "a b\"c")]),
        ]
        let text = ExtensionHeader.format(extensions)
        #expect(
            text
                == "permessage-deflate; client_no_context_takeover; server_max_window_bits=9, x-note; text=\"a b\\\"c\""
        )
        let tokensOnly = Array(extensions.prefix(1))
        #expect(try ExtensionHeader.parse(ExtensionHeader.format(tokensOnly)) == tokensOnly)
    }
}
