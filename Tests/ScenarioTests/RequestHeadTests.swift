import Scenario
import Testing

/// Values that go into the upgrade request head are refused when they would split or corrupt it, like the
/// same values on the command line (`-H`, `--subprotocol`, a URL with a space).
@Suite("Request head values")
struct RequestHeadTests {
    @Test(
        "CR, LF or NUL in a header or cookie value, a name that is not a token, a subprotocol with a space",
        arguments: [
            ("target: {headers: {X-A: \"a\\r\\nX-B: b\"}}", "2:25 scenario.http-token"),
            ("target: {headers: {\"Bad Name\": v}}", "2:20 scenario.http-token"),
            ("target: {cookies: {session: \"a\\nb\"}}", "2:29 scenario.http-token"),
            ("target: {subprotocols: [\"chat v2\"]}", "2:24 scenario.http-token"),
            ("target: {url: \"ws://a b.example/\"}", "2:15 scenario.url"),
            ("target: {url: \"ws://h.example/a\\tb\"}", "2:15 scenario.url"),
        ]
    )
    func refused(target: String, expected: String) {
        #expect(problems("name: head\n\(target)\n") == [expected])
    }

    @Test("ordinary headers, cookies and subprotocols are accepted")
    func accepted() {
        let yaml = """
            name: head
            target:
              url: wss://h.example/chat?room=1
              headers: {Authorization: Bearer abc, X-Empty: ""}
              cookies: {session: abc123}
              subprotocols: [chat.v2, mqtt]
            """
        #expect(problems(yaml).isEmpty)
    }
}
