import SecretRedaction
import Testing

@Suite("Redaction of names, text and command lines")
struct RedactionTests {
    @Test(
        "Credential names are recognised case-insensitively; the handshake's public nonce is not one",
        arguments: [
            ("Authorization", true), ("proxy-authorization", true), ("Cookie", true), ("Set-Cookie", true),
            ("X-Api-Key", true), ("x-auth-token", true), ("Client-Secret", true), ("password", true),
            ("X-Session-Id", true), ("X-Amz-Signature", true), ("sig", true), ("X-Amz-Credential", true),
            ("Host", false), ("Upgrade", false), ("Sec-WebSocket-Protocol", false), ("X-Trace", false),
            ("Sec-WebSocket-Key", false), ("Sec-WebSocket-Accept", false), ("significance", false),
        ]
    )
    func names(_ pair: (String, Bool)) {
        #expect(Redaction.isSensitive(name: pair.0) == pair.1)
    }

    @Test("URL userinfo and credential query values are hidden in free text, everything else is kept")
    func text() {
        #expect(
            Redaction.redact(text: "the URL 'wss://alice:pw@h.example/p' carries credentials")
                == "the URL 'wss://alice:[redacted]@h.example/p' carries credentials"
        )
        #expect(Redaction.redact(text: "https://ghp_abc@github.example/x") == "https://[redacted]@github.example/x")
        #expect(
            Redaction.redact(text: "wss://h/p?room=1&sig=abc;token=def#frag")
                == "wss://h/p?room=1&sig=[redacted];token=[redacted]#frag"
        )
        #expect(Redaction.redact(text: "GET /ws?access_token=t HTTP/1.1") == "GET /ws?access_token=[redacted] HTTP/1.1")
        #expect(Redaction.redact(text: "a?b=c d") == "a?b=c d")
    }

    @Test("Rendered JSON, HTML and XML keep their syntax: a query value ends at a quote or an angle bracket")
    func renderedFormats() {
        #expect(
            Redaction.redact(text: #"{"url" : "ws:\/\/h\/?token=abc", "n" : 1}"#)
                == #"{"url" : "ws:\/\/h\/?token=[redacted]", "n" : 1}"#
        )
        #expect(
            Redaction.redact(text: "<td>ws://h/?a=1&amp;key=abc</td>") == "<td>ws://h/?a=1&amp;key=[redacted]</td>"
        )
        #expect(
            Redaction.redact(text: #"<testcase name="dns: ws://h/?jwt=abc" time="0"/>"#)
                == #"<testcase name="dns: ws://h/?jwt=[redacted]" time="0"/>"#
        )
    }

    @Test("A registered secret is hidden wherever it appears; short values are only hidden under their name")
    func registered() {
        Redaction.register(secret: "Bearer registered-token-8f3a")
        Redaction.register(secret: "a=1; session=cookie-value-77d1")
        Redaction.register(secret: "short")
        #expect(Redaction.redact(text: "echoed registered-token-8f3a back") == "echoed [redacted] back")
        #expect(Redaction.redact(text: "x cookie-value-77d1 y") == "x [redacted] y")
        #expect(Redaction.redact(text: "short") == "short")
    }

    @Test("A registered secret with markup, quote or slash characters is hidden in its escaped forms too")
    func registeredEscaped() {
        Redaction.register(secret: #"p&ss<w"rd'9/\z"#)
        let forms = [
            #"p&amp;ss&lt;w&quot;rd&#39;9/\z"#,  // HTML (reports, Mustache)
            #"p&amp;ss&lt;w&quot;rd&apos;9/\z"#,  // XML (junit.xml)
            #"p&ss<w\"rd'9/\\z"#,  // JSON string
            #"p&ss<w\"rd'9\/\\z"#,  // JSON with escaped slashes
            "p%26ss%3Cw%22rd%279%2F%5Cz",  // a query value
            #"p&ss<w"rd'9/\z"#,  // as registered
        ]
        for form in forms {
            #expect(Redaction.redact(text: "a \(form) b") == "a [redacted] b", "\(form)")
        }
    }

    @Test("Field lines: headers and YAML or JSON keys with a credential name lose their value")
    func fieldLines() {
        #expect(Redaction.redact(fieldLine: "Authorization: Bearer x") == "Authorization: [redacted]")
        #expect(Redaction.redact(fieldLine: "      X-Api-Key: abc") == "      X-Api-Key: [redacted]")
        #expect(Redaction.redact(fieldLine: "  - \"token\": abc") == "  - \"token\": [redacted]")
        #expect(
            Redaction.redact(fieldLine: "Sec-WebSocket-Key: dGhlIHNhbXBsZQ==") == "Sec-WebSocket-Key: dGhlIHNhbXBsZQ=="
        )
        #expect(Redaction.redact(fieldLine: "  url: wss://h/?token=a") == "  url: wss://h/?token=[redacted]")
    }

    @Test("Command lines lose header secrets, --set secrets and URL tokens")
    func commandLine() {
        let redacted = Redaction.redact(commandLine: [
            "wsprobe", "check", "wss://h/p?token=abc", "-H", "Authorization: Bearer x", "--set", "target.apiKey=k",
            "--header=Cookie: a=b", "--set", "load.connections=10",
        ])
        #expect(
            redacted == [
                "wsprobe", "check", "wss://h/p?token=[redacted]", "-H", "Authorization: [redacted]", "--set",
                "target.apiKey=[redacted]", "--header=Cookie: [redacted]", "--set", "load.connections=10",
            ]
        )
    }

    @Test("A command line registers its secrets: header values, --set values, URL passwords and tokens")
    func commandLineRegistration() {
        Redaction.register(secretsInArguments: [
            "check", "wss://u:url-password-1c2d@h/?room=lobby-room-1&sig=signature-value-3e4f", "-H",
            "X-Api-Key: header-key-5a6b", "--set", "target.headers.Authorization=set-secret-7c8d",
            "-H", "Authorization basic-no-colon-9e0f", "--header=X-Api-Key=equals-no-colon-1a2b",
        ])
        let echoed =
            "url-password-1c2d signature-value-3e4f header-key-5a6b set-secret-7c8d basic-no-colon-9e0f "
            + "equals-no-colon-1a2b"
        #expect(Redaction.redact(text: echoed) == Array(repeating: "[redacted]", count: 6).joined(separator: " "))
        #expect(Redaction.redact(text: "lobby-room-1") == "lobby-room-1")
    }
}
