/// HTTP header fields in the order they were received or are to be sent, with their original case.
///
/// Lookup is case-insensitive (RFC 9110 §5.1) and a name may repeat; a repeated field is kept as separate
/// entries so reports show exactly what the server sent.
package struct HTTPHeaderFields: Sendable, Equatable {
    /// One header line: the name as written and the value without surrounding whitespace.
    package struct Field: Sendable, Equatable {
        package var name: String
        package var value: String

        package init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The fields in order.
    package private(set) var fields: [Field]

    /// No fields.
    package init() {
        self.fields = []
    }

    /// The given fields, in order.
    package init(_ fields: [Field]) {
        self.fields = fields
    }

    /// The number of field lines.
    package var count: Int { self.fields.count }

    /// Whether there are no fields.
    package var isEmpty: Bool { self.fields.isEmpty }

    /// Appends a field line.
    package mutating func append(name: String, value: String) {
        self.fields.append(Field(name: name, value: value))
    }

    /// Removes every field called `name` (any case).
    package mutating func removeAll(named name: String) {
        self.fields.removeAll { $0.name.equalsIgnoringASCIICase(name) }
    }

    /// Whether a field called `name` (any case) is present.
    package func contains(_ name: String) -> Bool {
        self.fields.contains { $0.name.equalsIgnoringASCIICase(name) }
    }

    /// The value of the first field called `name` (any case).
    package subscript(name: String) -> String? {
        self.fields.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }

    /// The values of every field called `name` (any case), in order.
    package func values(named name: String) -> [String] {
        self.fields.lazy.filter { $0.name.equalsIgnoringASCIICase(name) }.map(\.value)
    }

    /// All values of `name` joined with ", ", the combination RFC 9110 §5.3 defines for list fields.
    package func combinedValue(named name: String) -> String? {
        let values = self.values(named: name)
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }

    /// The comma-separated elements of every `name` field, trimmed, empty elements dropped (RFC 9110 §5.6.1).
    package func listElements(named name: String) -> [Substring] {
        self.values(named: name).flatMap { value in
            value.split(separator: ",").map { $0.trimmingHTTPWhitespace() }.filter { !$0.isEmpty }
        }
    }

    /// Whether the list field `name` contains `token`, compared case-insensitively.
    package func listContains(named name: String, token: String) -> Bool {
        self.listElements(named: name).contains { $0.equalsIgnoringASCIICase(token) }
    }
}

extension HTTPHeaderFields: Sequence {
    package func makeIterator() -> IndexingIterator<[Field]> {
        self.fields.makeIterator()
    }
}

extension HTTPHeaderFields: ExpressibleByDictionaryLiteral {
    /// Fields from a literal, in order; `KeyValuePairs` keeps duplicates.
    package init(dictionaryLiteral elements: (String, String)...) {
        self.fields = elements.map { Field(name: $0.0, value: $0.1) }
    }
}
