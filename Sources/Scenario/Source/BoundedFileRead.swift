package import Foundation

/// Reads a whole input file no larger than a limit, so that a huge or endless file (a multi-gigabyte log,
/// `/dev/zero`, a pipe that never ends) is refused before it is held in memory.
package enum BoundedFileRead {
    /// Why a file was not read.
    package enum Failure: Error, Sendable, Equatable {
        /// No file at the path.
        case missing
        /// A file that cannot be opened or read (no permission, a directory, a read error).
        case unreadable
        /// Larger than `limit` bytes.
        case tooLarge(limit: Int)
    }

    /// The reason in words, for a message that names the file: `does not exist`, `is not readable`.
    package static func reason(_ failure: Failure) -> String {
        switch failure {
        case .missing: "does not exist"
        case .unreadable: "is not readable"
        case .tooLarge(let limit): "is larger than \(limit >> 20) MiB"
        }
    }

    /// The bytes of the file at `path`, at most `limit` of them.
    /// - Throws: ``Failure``: `tooLarge` as soon as the size (or the bytes read) passes `limit`.
    package static func read(path: String, limit: Int) throws(Failure) -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileManager.default.fileExists(atPath: path) ? .unreadable : .missing
        }
        defer { try? handle.close() }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limit {
            throw .tooLarge(limit: limit)
        }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw .unreadable
        }
        guard data.count <= limit else { throw .tooLarge(limit: limit) }
        return data
    }
}
