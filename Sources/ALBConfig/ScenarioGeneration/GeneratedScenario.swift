/// A routing-matrix scenario generated from IONOS forwarding rules; `yamlText` writes it.
package struct GeneratedScenario: Sendable, Hashable {
    package var name: String
    package var description: String
    /// `target.url`.
    package var url: String
    /// `identity.header`.
    package var identityHeader: String
    package var routes: [GeneratedRoute]
    /// Conditions or rules no row could be generated for, and assumptions to check; written as comments.
    package var notes: [String]

    package init(
        name: String,
        description: String,
        url: String,
        identityHeader: String,
        routes: [GeneratedRoute],
        notes: [String]
    ) {
        self.name = name
        self.description = description
        self.url = url
        self.identityHeader = identityHeader
        self.routes = routes
        self.notes = notes
    }
}
