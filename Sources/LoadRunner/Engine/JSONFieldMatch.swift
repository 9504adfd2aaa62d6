import Foundation
import NIOCore
import Scenario

/// The `expect: {json: {path, equals}}` check: parses a message as JSON and compares one field.
enum JSONFieldMatch {
    /// Whether the field at the dotted `path` (array indexes as numbers) equals `value`.
    static func matches(_ payload: ByteBuffer, path: String, value: JSONScalar) -> Bool {
        guard let bytes = payload.getBytes(at: payload.readerIndex, length: payload.readableBytes),
            var node = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        else { return false }
        for part in path.split(separator: ".") where !part.isEmpty {
            if let object = node as? [String: Any], let child = object[String(part)] {
                node = child
            } else if let array = node as? [Any], let index = Int(part), array.indices.contains(index) {
                node = array[index]
            } else {
                return false
            }
        }
        switch value {
        case .null: return node is NSNull
        case .string(let expected): return (node as? String) == expected
        case .bool(let expected): return (node as? Bool) == expected
        case .number(let expected):
            return (node as? Double) == expected
        }
    }
}
