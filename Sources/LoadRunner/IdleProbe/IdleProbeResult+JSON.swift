import Foundation

extension IdleProbeResult {
    /// The result as pretty-printed JSON with sorted keys (stable for scripts).
    package func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
