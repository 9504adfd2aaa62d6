package import ResultCodes

/// Why a saved IONOS document could not be loaded; each case names the file and, where known, the JSON path.
package enum ALBConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The bytes are not JSON; `line` and `column` (1-based) say where, when known.
    case malformedJSON(file: String, line: Int?, column: Int?, detail: String)
    /// A member has the wrong JSON type.
    case wrongType(file: String, path: JSONPath, expected: String, found: String)
    /// A member the model needs is absent or null.
    case missingField(file: String, path: JSONPath)
    /// A member holds a value outside its documented range or grammar.
    case invalidValue(file: String, path: JSONPath, detail: String)
    /// The document is JSON but not an application load balancer, forwarding rule or target group.
    case unrecognizedDocument(file: String, path: JSONPath, detail: String)

    /// A stable dotted code for scripts and reports.
    package var code: String { self.errorCode.rawValue }

    /// The failure's entry in the code catalogue (docs/codes.md).
    package var errorCode: ErrorCode {
        switch self {
        case .unreadable: .albFileUnreadable
        case .malformedJSON: .albMalformedJSON
        case .wrongType: .albWrongType
        case .missingField: .albMissingField
        case .invalidValue: .albInvalidValue
        case .unrecognizedDocument: .albUnrecognizedDocument
        }
    }

    /// The file the problem is in.
    package var file: String {
        switch self {
        case .unreadable(let file, _), .malformedJSON(let file, _, _, _), .wrongType(let file, _, _, _),
            .missingField(let file, _), .invalidValue(let file, _, _), .unrecognizedDocument(let file, _, _):
            file
        }
    }

    /// The JSON path of the problem, when there is one.
    package var path: JSONPath? {
        switch self {
        case .unreadable, .malformedJSON: nil
        case .wrongType(_, let path, _, _), .missingField(_, let path), .invalidValue(_, let path, _),
            .unrecognizedDocument(_, let path, _):
            path
        }
    }

    package var description: String {
        switch self {
        case .unreadable(let file, let reason):
            "\(file): cannot read the file: \(reason)"
        case .malformedJSON(let file, let line?, let column?, let detail):
            "\(file):\(line):\(column): not valid JSON: \(detail)"
        case .malformedJSON(let file, _, _, let detail):
            "\(file): not valid JSON: \(detail)"
        case .wrongType(let file, let path, let expected, let found):
            "\(file):\(path): expected \(expected), found \(found)"
        case .missingField(let file, let path):
            "\(file):\(path): required member is missing or null"
        case .invalidValue(let file, let path, let detail):
            "\(file):\(path): \(detail)"
        case .unrecognizedDocument(let file, let path, let detail):
            "\(file):\(path): not an IONOS application load balancer, forwarding rule or target group "
                + "(\(detail)); save the Cloud API v6 JSON of /applicationloadbalancers, "
                + "/applicationloadbalancers/{id}/forwardingrules or /targetgroups"
        }
    }
}
