/// The program that wrote a result.
package struct ToolInfo: Sendable, Hashable, Codable {
    /// Always `wsprobe` for results this tool writes.
    package var name: String
    /// The tool version (`wsprobe --version`).
    package var version: String

    package init(name: String = "wsprobe", version: String) {
        self.name = name
        self.version = version
    }
}
