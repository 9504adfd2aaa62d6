/// Where results are written and in which formats.
package struct OutputOptions: Sendable, Hashable {
    /// A report format.
    package enum Format: String, Sendable, Hashable, CaseIterable {
        case json
        case html
        case junit
        case console
    }

    /// Output folder; `nil` means `reports/<scenario>/<UTC timestamp>/`.
    package var directory: String?
    /// Formats to write (default all: JSON is the source of truth, the others are views of it).
    package var formats: [Format]

    package init(directory: String? = nil, formats: [Format] = Format.allCases) {
        self.directory = directory
        self.formats = formats
    }
}
