/// Where a decoded object sits: the file the user saved and the JSON path inside it.
package struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file name as the user gave it on the command line.
    package var file: String
    /// The path of the object inside the file.
    package var path: JSONPath

    package init(file: String, path: JSONPath) {
        self.file = file
        self.path = path
    }

    /// The location of member `key` of this object.
    package func appending(_ key: String) -> SourceLocation {
        SourceLocation(file: file, path: path.appending(key))
    }

    /// The location of element `index` of the array at this location.
    package func appending(index: Int) -> SourceLocation {
        SourceLocation(file: file, path: path.appending(index: index))
    }

    package var description: String { "\(file):\(path)" }
}
