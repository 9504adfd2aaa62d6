package import ResultCodes

/// Why a result file could not be used; each case has a stable `code` and names the file.
package enum ResultFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read (missing, no permission).
    case unreadable(source: String, reason: String)
    /// The file is larger than `limit` bytes, the most a result file is read.
    case tooLarge(source: String, limit: Int)
    /// The bytes are not JSON.
    case invalidJSON(source: String, reason: String)
    /// The JSON is a result of a layout this wsprobe does not read.
    case unsupportedSchemaVersion(source: String, found: Int, supported: Int)
    /// The JSON does not have the shape of a result (missing key, wrong type, inconsistent histogram).
    case invalid(source: String, reason: String)

    /// The stable code shown in messages and used by scripts.
    package var code: String { self.errorCode.rawValue }

    /// The failure's entry in the code catalogue (docs/codes.md).
    package var errorCode: ErrorCode {
        switch self {
        case .unreadable: .resultUnreadable
        case .tooLarge: .resultTooLarge
        case .invalidJSON: .resultInvalidJSON
        case .unsupportedSchemaVersion: .resultSchemaVersion
        case .invalid: .resultInvalid
        }
    }

    package var description: String {
        switch self {
        case .unreadable(let source, let reason):
            "\(source): error[\(self.code)]: cannot read the file: \(reason)"
        case .tooLarge(let source, let limit):
            "\(source): error[\(self.code)]: the file is larger than \(limit >> 20) MiB, the most wsprobe reads as a "
                + "result (a report of a day-long run is well under it)"
        case .invalidJSON(let source, let reason):
            "\(source): error[\(self.code)]: not JSON (\(reason)); expected a report.json written by wsprobe"
        case .unsupportedSchemaVersion(let source, let found, let supported):
            "\(source): error[\(self.code)]: schemaVersion \(found) is not supported; this wsprobe reads "
                + "version \(supported) (use the wsprobe release that wrote the file)"
        case .invalid(let source, let reason):
            "\(source): error[\(self.code)]: not a valid wsprobe result: \(reason)"
        }
    }
}
