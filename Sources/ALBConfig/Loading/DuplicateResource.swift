/// One resource ID found in two files: the API has one object per ID, so one of the files is stale, from
/// another account, or the same object saved twice.
package struct DuplicateResource: Sendable, Hashable {
    /// What kind of resource.
    package enum Kind: String, Sendable, Hashable {
        case forwardingRule = "forwarding rule"
        case targetGroup = "target group"
    }

    package var kind: Kind
    package var id: String
    /// Where the ID was seen first.
    package var first: SourceLocation
    /// Where it was seen again, in another file.
    package var second: SourceLocation
    /// Whether both objects have the same `properties`: the same object saved twice, linted once. Otherwise
    /// both are linted.
    package var identical: Bool

    package init(kind: Kind, id: String, first: SourceLocation, second: SourceLocation, identical: Bool) {
        self.kind = kind
        self.id = id
        self.first = first
        self.second = second
        self.identical = identical
    }
}
