import Foundation

/// A result that `--json` prints: pretty-printed JSON with sorted keys, stable for scripts and golden files.
package protocol JSONTextOutput: Encodable {}

extension JSONTextOutput {
    /// The value as pretty-printed JSON with sorted keys.
    package func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
