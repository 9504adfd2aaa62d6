/// A JSON scalar to compare a field against.
package enum JSONScalar: Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
}
