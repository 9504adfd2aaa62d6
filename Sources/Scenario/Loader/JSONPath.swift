/// The dotted JSON path syntax of `expect.json.path`: `name`, `a.b`, `items[0].id`, `[2]`.
package enum JSONPath {
    /// A path component.
    package enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// Splits a path into components, or nil when it is malformed (empty keys, bad indexes).
    package static func components(_ path: String) -> [Component]? {
        var out: [Component] = []
        var key = ""
        var index = path.startIndex
        var afterBracket = false
        func flushKey() -> Bool {
            if key.isEmpty { return afterBracket }
            out.append(.key(key))
            key = ""
            return true
        }
        while index < path.endIndex {
            let character = path[index]
            switch character {
            case ".":
                guard flushKey() else { return nil }
                afterBracket = false
                index = path.index(after: index)
                guard index < path.endIndex else { return nil }
            case "[":
                if !key.isEmpty { _ = flushKey() }
                guard let close = path[index...].firstIndex(of: "]"),
                    let number = Int(path[path.index(after: index)..<close]), number >= 0
                else { return nil }
                out.append(.index(number))
                afterBracket = true
                index = path.index(after: close)
            case "]":
                return nil
            default:
                if afterBracket, key.isEmpty, index > path.startIndex, path[path.index(before: index)] == "]" {
                    return nil
                }
                key.append(character)
                index = path.index(after: index)
            }
        }
        if !key.isEmpty { out.append(.key(key)) }
        return out.isEmpty ? nil : out
    }

    static func isValid(_ path: String) -> Bool { components(path) != nil }
}
