import SecretRedaction

/// One HTTP header line as sent or received, in order (names may repeat).
package struct HeaderField: Sendable, Hashable, Codable {
    package var name: String
    package var value: String

    package init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// This field with its value replaced when the name is sensitive (see ``Redaction``).
    package var redacted: HeaderField {
        HeaderField(name: self.name, value: Redaction.value(self.value, forName: self.name))
    }
}
