import Testing

@testable import ALBConfig

/// Malformed documents and wrong shapes give path-specific errors with stable codes.
struct LoaderErrorTests {
    func loadError(_ text: String, name: String = "bad.json") -> ALBConfigError? {
        do {
            _ = try ALBConfigLoader.load([ALBSourceFile(name: name, text: text)])
            return nil
        } catch {
            return error
        }
    }

    @Test("Bytes that are not JSON give alb.malformed-json naming the file")
    func malformedJSON() throws {
        let error = try #require(loadError(#"{"properties": {"listenerPort": 443,}"#))
        #expect(error.code == "alb.malformed-json")
        #expect(error.file == "bad.json")
        #expect(error.path == nil)
        #expect(error.description == "bad.json:1:37: not valid JSON: expected a member name in double quotes")
    }

    @Test("An empty file is malformed JSON")
    func emptyFile() throws {
        #expect(loadError("")?.code == "alb.malformed-json")
        #expect(loadError("")?.description == "bad.json:1:1: not valid JSON: unexpected end of file, expected a value")
    }

    @Test(
        "A JSON syntax error names the file, line and column (in characters) of the first problem",
        arguments: [
            ("{\n  \"id\": \"x\",\n  \"type\": \n}", "4:1", "unexpected '}', expected a value"),
            ("{\n  \"type\": \"target-group\" \"a\"\n}", "2:26", "expected ',' or '}' in the object"),
            ("[1, 2,, 3]", "1:7", "unexpected ',', expected a value"),
            ("{\"name\": \"äöü\u{1}\"}", "1:14", "control character in a string (escape it)"),
            ("{\"a\": tru}", "1:10", "invalid literal, expected true"),
            ("{\"a\": 01}", "1:8", "expected ',' or '}' in the object"),
            ("{\"a\": \"open}", "1:7", "unterminated string"),
            ("{} {}", "1:4", "unexpected text after the document"),
        ] as [(String, String, String)]
    )
    func syntaxErrorPosition(text: String, position: String, message: String) throws {
        let error = try #require(loadError(text))
        #expect(error.code == "alb.malformed-json")
        #expect(error.description == "bad.json:\(position): not valid JSON: \(message)")
    }

    @Test("Every fixture is well-formed to the syntax check, so it never blames valid JSON")
    func fixturesAreWellFormed() throws {
        let names =
            ["clean-alb.json", "clean-targetgroups.json", "forwardingrule-single.json"]
            + LintRuleFixtureTests.cases.flatMap(\.files)
        for name in Set(names) {
            let file = try Fixtures.file(name)
            #expect(JSONSyntaxCheck.firstProblem(in: file.contents) == nil, "\(name)")
        }
    }

    struct ShapeCase: Sendable, CustomTestStringConvertible {
        var name: String
        var json: String
        var code: String
        var path: String
        var testDescription: String { name }
    }

    static let shapeCases: [ShapeCase] = [
        ShapeCase(
            name: "clientTimeout as a string",
            json: #"{"type": "forwarding-rule", "properties": {"clientTimeout": "50s"}}"#,
            code: "alb.wrong-type",
            path: "properties.clientTimeout"
        ),
        ShapeCase(
            name: "clientTimeout with a fraction",
            json: #"{"type": "forwarding-rule", "properties": {"clientTimeout": 1.5}}"#,
            code: "alb.wrong-type",
            path: "properties.clientTimeout"
        ),
        ShapeCase(
            name: "unknown condition type inside a collection",
            json: #"""
                {"type": "collection", "items": [
                  {"type": "forwarding-rule", "properties": {"httpRules": []}},
                  {"type": "forwarding-rule", "properties": {"httpRules": [
                    {"type": "FORWARD", "targetGroup": "x", "conditions": [{"type": "COOKIES", "condition": "EXISTS", "key": "s"}]}]}}]}
                """#,
            code: "alb.invalid-value",
            path: "items[1].properties.httpRules[0].conditions[0].type"
        ),
        ShapeCase(
            name: "rule without type",
            json: #"{"type": "forwarding-rule", "properties": {"httpRules": [{"name": "x"}]}}"#,
            code: "alb.missing-field",
            path: "properties.httpRules[0].type"
        ),
        ShapeCase(
            name: "targets not an array",
            json: #"{"type": "target-group", "properties": {"targets": {"ip": "10.0.0.1"}}}"#,
            code: "alb.wrong-type",
            path: "properties.targets"
        ),
        ShapeCase(
            name: "weight as a string",
            json: #"{"type": "target-group", "properties": {"targets": [{"ip": "10.0.0.1", "weight": "1"}]}}"#,
            code: "alb.wrong-type",
            path: "properties.targets[0].weight"
        ),
        ShapeCase(
            name: "unknown algorithm",
            json: #"{"type": "target-group", "properties": {"algorithm": "FASTEST"}}"#,
            code: "alb.invalid-value",
            path: "properties.algorithm"
        ),
        ShapeCase(
            name: "resource without properties",
            json: #"{"type": "target-group", "id": "x"}"#,
            code: "alb.missing-field",
            path: "properties"
        ),
        ShapeCase(
            name: "a server document",
            json: #"{"type": "server", "properties": {"cores": 2}}"#,
            code: "alb.unrecognized-document",
            path: "$"
        ),
        ShapeCase(
            name: "a top-level array",
            json: #"[{"type": "target-group", "properties": {}}]"#,
            code: "alb.wrong-type",
            path: "$"
        ),
        ShapeCase(
            name: "embedded forwarding rules with a bad port",
            json: #"""
                {"type": "applicationloadbalancer", "properties": {"name": "a"}, "entities": {"forwardingrules":
                  {"items": [{"properties": {"listenerPort": true}}]}}}
                """#,
            code: "alb.wrong-type",
            path: "entities.forwardingrules.items[0].properties.listenerPort"
        ),
    ]

    @Test("Wrong shapes report the code and the JSON path", arguments: shapeCases)
    func wrongShapes(_ testCase: ShapeCase) throws {
        let error = try #require(loadError(testCase.json))
        #expect(error.code == testCase.code)
        #expect(error.path?.description == testCase.path)
        #expect(error.description.hasPrefix("bad.json:\(testCase.path)"))
    }

    @Test("A wrong type names what was expected and what was found")
    func wrongTypeMessage() throws {
        let error = try #require(loadError(#"{"type": "forwarding-rule", "properties": {"clientTimeout": "50s"}}"#))
        #expect(error.description == #"bad.json:properties.clientTimeout: expected an integer, found a string ("50s")"#)
    }

    @Test("Unknown members are ignored")
    func unknownMembersIgnored() throws {
        let configuration = try ALBConfigLoader.load([
            ALBSourceFile(
                name: "x.json",
                text: #"{"type": "target-group", "future": {"a": [1]}, "properties": {"targets": [], "newField": 1}}"#
            )
        ])
        #expect(configuration.targetGroups.count == 1)
    }

    @Test("A missing file gives alb.file-unreadable")
    func missingFile() throws {
        #expect(throws: ALBConfigError.unreadable(file: "/nonexistent/alb.json", reason: "no such file")) {
            try ALBConfigLoader.load(paths: ["/nonexistent/alb.json"])
        }
    }
}
