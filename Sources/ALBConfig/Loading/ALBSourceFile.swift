/// One saved API response: the name to show in findings and its bytes.
package struct ALBSourceFile: Sendable, Hashable {
    /// The name findings and errors use, usually the path the user typed.
    package var name: String
    /// The JSON bytes as saved from the Cloud API.
    package var contents: [UInt8]

    package init(name: String, contents: [UInt8]) {
        self.name = name
        self.contents = contents
    }

    package init(name: String, text: String) {
        self.init(name: name, contents: Array(text.utf8))
    }
}
