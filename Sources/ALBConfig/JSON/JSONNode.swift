import Scenario

/// A JSON value together with its file and path, with typed accessors that throw path-specific errors.
///
/// Absent members and explicit `null` are treated alike: the IONOS API writes `null` for unset optional
/// members (e.g. `key` and `value` of a condition) and the SDKs omit them, so both must mean "not set".
struct JSONNode {
    let value: JSONValue
    let path: JSONPath
    let file: String

    /// The members of this object.
    func object() throws(ALBConfigError) -> [String: JSONValue] {
        guard case .object(let members) = value else {
            throw .wrongType(file: file, path: path, expected: "an object", found: value.kindDescription)
        }
        return members
    }

    /// Member `key` of this object, or nil when it is absent or null.
    func member(_ key: String) throws(ALBConfigError) -> JSONNode? {
        let members = try object()
        guard let child = members[key], child != .null else { return nil }
        return JSONNode(value: child, path: path.appending(key), file: file)
    }

    /// Member `key` of this object; throws `missingField` when it is absent or null.
    func required(_ key: String) throws(ALBConfigError) -> JSONNode {
        guard let child = try member(key) else {
            throw .missingField(file: file, path: path.appending(key))
        }
        return child
    }

    /// This value as a string.
    func string() throws(ALBConfigError) -> String {
        guard case .string(let text) = value else {
            throw .wrongType(file: file, path: path, expected: "a string", found: value.kindDescription)
        }
        return text
    }

    /// This value as an integer; a number with a fraction or beyond `Int` is a type error, not a rounding.
    func int() throws(ALBConfigError) -> Int {
        switch value {
        case .integer(let number):
            if let result = Int(exactly: number) { return result }
        case .number(let number):
            if let result = Int(exactly: number) { return result }
        default:
            break
        }
        throw .wrongType(file: file, path: path, expected: "an integer", found: value.kindDescription)
    }

    /// This value as a boolean.
    func bool() throws(ALBConfigError) -> Bool {
        guard case .bool(let flag) = value else {
            throw .wrongType(file: file, path: path, expected: "a boolean", found: value.kindDescription)
        }
        return flag
    }

    /// The elements of this array, each with its own path.
    func array() throws(ALBConfigError) -> [JSONNode] {
        guard case .array(let elements) = value else {
            throw .wrongType(file: file, path: path, expected: "an array", found: value.kindDescription)
        }
        return elements.enumerated().map { index, element in
            JSONNode(value: element, path: path.appending(index: index), file: file)
        }
    }

    /// This string value as a case of `E`; anything else names the documented values.
    func enumeration<E: RawRepresentable & CaseIterable>(_: E.Type) throws(ALBConfigError) -> E
    where E.RawValue == String {
        let text = try string()
        guard let result = E(rawValue: text) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidValue(file: file, path: path, detail: "\"\(text)\" is not one of \(allowed)")
        }
        return result
    }

    func optionalString(_ key: String) throws(ALBConfigError) -> String? {
        try member(key)?.string()
    }

    func optionalInt(_ key: String) throws(ALBConfigError) -> Int? {
        try member(key)?.int()
    }

    func optionalBool(_ key: String) throws(ALBConfigError) -> Bool? {
        try member(key)?.bool()
    }

    func optionalArray(_ key: String) throws(ALBConfigError) -> [JSONNode] {
        try member(key)?.array() ?? []
    }

    func optionalStrings(_ key: String) throws(ALBConfigError) -> [String] {
        var result: [String] = []
        for element in try optionalArray(key) {
            result.append(try element.string())
        }
        return result
    }

    func optionalEnumeration<E: RawRepresentable & CaseIterable>(
        _ key: String,
        _ type: E.Type
    ) throws(ALBConfigError) -> E? where E.RawValue == String {
        try member(key)?.enumeration(type)
    }
}
