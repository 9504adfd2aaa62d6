package import Foundation

/// Reads a whole input file no larger than a limit, so that a huge or endless file (a multi-gigabyte log,
/// `/dev/zero`, a pipe that never ends) is refused before it is held in memory.
package enum BoundedFileRead {
    /// Why a file was not read.
    package enum Failure: Error, Sendable, Equatable {
        /// Missing, not a readable file, or a read error; the reason in words.
        case unreadable(String)
        /// Larger than `limit` bytes.
        case tooLarge(limit: Int)
    }

    /// The bytes of the file at `path`, at most `limit` of them.
    /// - Throws: ``Failure``: `tooLarge` as soon as the size (or the bytes read) passes `limit`.
    package static func read(path: String, limit: Int) throws(Failure) -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw .unreadable(exists ? "the file is not readable" : "the file does not exist")
        }
        defer { try? handle.close() }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limit {
            throw .tooLarge(limit: limit)
        }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw .unreadable(error.localizedDescription)
        }
        guard data.count <= limit else { throw .tooLarge(limit: limit) }
        return data
    }
}
