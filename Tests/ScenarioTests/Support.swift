import Scenario

/// Loads inline YAML as `test.yaml`.
func load(_ yaml: String, overrides: [String] = []) -> ScenarioLoadResult {
    ScenarioLoader(overrides: overrides).load(yaml: yaml, file: "test.yaml")
}

/// The diagnostics of inline YAML rendered as `line:column code`, the shape most tests compare.
func problems(_ yaml: String, overrides: [String] = []) -> [String] {
    load(yaml, overrides: overrides).diagnostics.map { "\($0.line):\($0.column) \($0.code.rawValue)" }
}

/// The diagnostics including their file label.
func located(_ yaml: String, overrides: [String] = []) -> [String] {
    load(yaml, overrides: overrides).diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.code.rawValue)" }
}
