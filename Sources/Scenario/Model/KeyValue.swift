/// A name and a value from an ordered mapping (headers, cookies, query parameters).
package struct KeyValue: Sendable, Hashable {
    package var name: String
    package var value: String

    package init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
