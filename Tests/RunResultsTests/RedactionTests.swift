import RunResults
import Scenario
import SecretRedaction
import Testing

@Suite("Redaction of scenarios and heads")
struct RedactionTests {
    @Test("A scenario's header map, header list, header strings, cookies and URL tokens are redacted")
    func scenario() {
        let document: JSONValue = .object([
            "headers": .object(["Authorization": .string("Bearer a"), "X-Trace": .string("on")]),
            "headerList": .array([
                .object(["name": .string("Cookie"), "value": .string("sid=1")]),
                .object(["name": .string("Accept"), "value": .string("*/*")]),
            ]),
            "lines": .array([.string("X-Api-Key: k1"), .string("Accept: */*")]),
            "cookies": .object(["sid": .string("s1"), "theme": .string("dark")]),
            "url": .string("wss://h.example/p?room=1&access_token=t1#frag"),
            "count": .integer(3),
        ])
        let redacted = Redaction.redact(document)
        #expect(redacted["headers"]?["Authorization"] == .string("[redacted]"))
        #expect(redacted["headers"]?["X-Trace"] == .string("on"))
        if case .array(let list) = redacted["headerList"] {
            #expect(list[0]["value"] == .string("[redacted]"))
            #expect(list[1]["value"] == .string("*/*"))
        } else {
            Issue.record("headerList lost its shape")
        }
        #expect(redacted["lines"] == .array([.string("X-Api-Key: [redacted]"), .string("Accept: */*")]))
        #expect(redacted["cookies"] == .object(["sid": .string("[redacted]"), "theme": .string("[redacted]")]))
        #expect(redacted["url"] == .string("wss://h.example/p?room=1&access_token=[redacted]#frag"))
        #expect(redacted["count"] == .integer(3))
    }

    @Test("Request lines, HTTP heads and error samples are redacted when built")
    func heads() {
        let head = HTTPHead(
            startLine: "GET /ws?token=abc&x=1 HTTP/1.1",
            headers: [HeaderField(name: "Authorization", value: "Basic x"), HeaderField(name: "Host", value: "h")]
        )
        #expect(head.startLine == "GET /ws?token=[redacted]&x=1 HTTP/1.1")
        #expect(
            head.headers == [
                HeaderField(name: "Authorization", value: "[redacted]"), HeaderField(name: "Host", value: "h"),
            ]
        )
        let sample = ErrorSample(
            message: "m",
            phase: "upgrade",
            status: 401,
            headers: [HeaderField(name: "Set-Cookie", value: "a=b")],
            bodyExcerpt: String(repeating: "x", count: 2000)
        )
        #expect(sample.headers == [HeaderField(name: "Set-Cookie", value: "[redacted]")])
        #expect(sample.bodyExcerpt?.count == ErrorSample.bodyExcerptLimit)
    }
}
