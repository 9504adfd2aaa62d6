import Foundation
import Scenario

/// Loads the JSON documents a user saved from the IONOS Cloud API v6 into one `ALBConfiguration`.
///
/// Each file may hold an application load balancer (with or without `entities.forwardingrules`), a
/// forwarding rule, a target group, or a collection (`items`) of any of these. Unknown members are ignored;
/// members the lint reads must have their documented JSON type, or loading fails with the path.
package enum ALBConfigLoader {
    /// Decodes every file, in order; the first problem stops loading.
    package static func load(_ files: [ALBSourceFile]) throws(ALBConfigError) -> ALBConfiguration {
        var builder = ConfigurationBuilder()
        for file in files {
            builder.configuration.files.append(file.name)
            let root = try parse(file)
            try builder.addDocument(root)
        }
        return builder.configuration
    }

    /// The largest configuration file read (64 MiB; an exported ALB configuration is a few kilobytes).
    static let maximumFileBytes = 64 << 20

    /// Reads the files at these paths (names in findings are the paths as given) and decodes them.
    package static func load(paths: [String]) throws(ALBConfigError) -> ALBConfiguration {
        var files: [ALBSourceFile] = []
        for path in paths {
            let data: Data
            do {
                data = try BoundedFileRead.read(path: path, limit: Self.maximumFileBytes)
            } catch {
                throw .unreadable(file: path, reason: Self.reason(path: path, otherwise: BoundedFileRead.reason(error)))
            }
            files.append(ALBSourceFile(name: path, contents: Array(data)))
        }
        return try load(files)
    }

    /// Parses one file's bytes into a JSON tree.
    static func parse(_ file: ALBSourceFile) throws(ALBConfigError) -> JSONNode {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(file.contents))
        } catch {
            // The decoder says that the bytes are not JSON, not where: find the first syntax error ourselves.
            if let problem = JSONSyntaxCheck.firstProblem(in: file.contents) {
                throw .malformedJSON(
                    file: file.name,
                    line: problem.line,
                    column: problem.column,
                    detail: problem.message
                )
            }
            let detail = (error as? DecodingError).map(Self.detail) ?? String(describing: error)
            throw .malformedJSON(file: file.name, line: nil, column: nil, detail: detail)
        }
        return JSONNode(value: value, path: .root, file: file.name)
    }

    private static func detail(of error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError {
                let nsError = underlying as NSError
                if let debug = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return debug }
                return String(describing: underlying)
            }
            return context.debugDescription
        default:
            return String(describing: error)
        }
    }

    private static func reason(path: String, otherwise reason: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return "no such file"
        }
        if isDirectory.boolValue { return "it is a directory" }
        return reason
    }
}
