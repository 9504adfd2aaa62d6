import RunResults
import Scenario
import SecretRedaction
import Testing

@Suite("Scenario as JSON")
struct JSONValueTests {
    static func scalar(_ text: String, plain: Bool = true) -> SourceNode {
        SourceNode(.scalar(text, plain: plain), at: SourcePosition(file: "s.yaml", line: 1, column: 1))
    }

    @Test(
        "Plain YAML scalars are typed; quoted ones and durations stay text",
        arguments: [
            ("42", true, JSONValue.integer(42)), ("-7", true, .integer(-7)), ("2.5", true, .number(2.5)),
            ("1e3", true, .number(1000)), ("true", true, .bool(true)), ("False", true, .bool(false)),
            ("~", true, .null),
            ("", true, .null), ("10s", true, .string("10s")), ("30", false, .string("30")),
            ("nan", true, .string("nan")),
            ("p99(message_rtt) < 50ms", true, .string("p99(message_rtt) < 50ms")),
        ]
    )
    func scalars(_ case: (String, Bool, JSONValue)) {
        #expect(JSONValue(Self.scalar(`case`.0, plain: `case`.1)) == `case`.2)
    }

    @Test("Mappings and sequences convert recursively, and redaction applies to the result")
    func tree() {
        let position = SourcePosition(file: "s.yaml", line: 1, column: 1)
        let node = SourceNode(
            .mapping([
                .init(key: Self.scalar("name"), value: Self.scalar("echo")),
                .init(
                    key: Self.scalar("headers"),
                    value: SourceNode(
                        .mapping([.init(key: Self.scalar("Authorization"), value: Self.scalar("Bearer x"))]),
                        at: position
                    )
                ),
                .init(
                    key: Self.scalar("ports"),
                    value: SourceNode(.sequence([Self.scalar("80"), Self.scalar("443")]), at: position)
                ),
            ]),
            at: position
        )
        let json = Redaction.redact(JSONValue(node))
        #expect(json["name"] == .string("echo"))
        #expect(json["headers"]?["Authorization"] == .string("[redacted]"))
        #expect(json["ports"] == .array([.integer(80), .integer(443)]))
    }
}
