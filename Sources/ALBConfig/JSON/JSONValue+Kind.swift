package import Scenario

extension JSONValue {
    package var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer: "an integer"
        case .number: "a number"
        case .string(let text): "a string (\"\(text.prefix(40))\")"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
