package import Foundation
import Scenario

extension RunResult {
    /// The encoder every `report.json` is written with: sorted keys, two-space pretty printing,
    /// ISO 8601 dates, unescaped slashes. Equal results therefore encode to identical bytes, which is
    /// what golden files and diffs of reports rely on.
    package static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// The decoder matching ``makeEncoder()``.
    package static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// The canonical JSON of this result: ``makeEncoder()``'s output with each histogram bucket
    /// (`[value, count]`) on one line, which more than halves the size of a long run's histograms; ends
    /// with a newline.
    package func jsonData() throws -> Data {
        var data = JSONPairLines.joined(try Self.makeEncoder().encode(self))
        data.append(0x0A)
        return data
    }

    /// Decodes a result from JSON bytes.
    ///
    /// - Parameter source: where the bytes came from (a path), for the error message.
    /// - Throws: ``ResultFileError`` with a stable code: `result.invalid-json`, `result.schema-version`
    ///   or `result.invalid`.
    package static func decode(_ data: Data, source: String) throws(ResultFileError) -> RunResult {
        let version: Int?
        do {
            let probe = try JSONSerialization.jsonObject(with: data)
            version = (probe as? [String: Any])?["schemaVersion"] as? Int
        } catch {
            throw .invalidJSON(source: source, reason: Self.reason(error))
        }
        guard let version else { throw .invalid(source: source, reason: "it has no integer \"schemaVersion\"") }
        guard Self.supportedSchemaVersions.contains(version) else {
            throw .unsupportedSchemaVersion(source: source, found: version, supported: Self.currentSchemaVersion)
        }
        do {
            return try Self.makeDecoder().decode(RunResult.self, from: data)
        } catch {
            throw .invalid(source: source, reason: Self.reason(error))
        }
    }

    /// Reads and decodes a result file.
    ///
    /// - Throws: ``ResultFileError``; `result.unreadable` when the file cannot be read.
    package static func load(contentsOf url: URL) throws(ResultFileError) -> RunResult {
        let data: Data
        do {
            data = try BoundedFileRead.read(path: url.path, limit: Self.maximumFileBytes)
        } catch {
            switch error {
            case .tooLarge(let limit): throw .tooLarge(source: url.path, limit: limit)
            case .missing, .unreadable:
                throw .unreadable(source: url.path, reason: "the file " + BoundedFileRead.reason(error))
            }
        }
        return try Self.decode(data, source: url.path)
    }

    /// The largest result file read (256 MiB): an hour at 1,000 connections writes about 16 MB.
    package static let maximumFileBytes = 256 << 20

    /// A one-line reason from a decoding or I/O error: the coding path and the debug description.
    private static func reason(_ error: any Error) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? context.debugDescription : "at \(keys): \(context.debugDescription)"
        }
        switch error {
        case DecodingError.dataCorrupted(let context): return path(context)
        case DecodingError.keyNotFound(let key, let context):
            return path(context) + " (missing key \"\(key.stringValue)\")"
        case DecodingError.typeMismatch(_, let context): return path(context)
        case DecodingError.valueNotFound(_, let context): return path(context)
        case let error as CocoaError: return error.localizedDescription
        default: return String(describing: error)
        }
    }
}
