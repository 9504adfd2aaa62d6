/// A location inside a JSON document, rendered as `entities.forwardingrules.items[0].properties.httpRules[2]`.
package struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step: an object member or an array element.
    package enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The steps from the document root; empty for the root itself.
    package var components: [Component]

    /// The document root.
    package static let root = JSONPath(components: [])

    package init(components: [Component]) {
        self.components = components
    }

    /// The path of member `key` of the object at this path.
    package func appending(_ key: String) -> JSONPath {
        JSONPath(components: components + [.key(key)])
    }

    /// The path of element `index` of the array at this path.
    package func appending(index: Int) -> JSONPath {
        JSONPath(components: components + [.index(index)])
    }

    /// Dotted members and bracketed indices; `$` for the root so a text finding always has a path.
    package var description: String {
        if components.isEmpty { return "$" }
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}
