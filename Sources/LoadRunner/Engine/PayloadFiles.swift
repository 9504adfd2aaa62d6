import Foundation
import ResultCodes
import Scenario

/// The `send.file` payloads of a scenario, read once before a run, each at most `ByteSize.payloadMaximum`
/// (the one payload limit): a missing file is not silently sent as an empty message, and a huge file or a
/// device such as /dev/zero is refused after reading one byte past the limit.
enum PayloadFiles {
    /// The contents of every file the steps send, keyed by the path as written.
    /// - Throws: `RunPlanError` `payload.file` (could not start) for an unreadable file, `payload.size`
    ///   (invalid) for one above the limit.
    static func read(_ scenario: Scenario) throws(RunPlanError) -> [String: [UInt8]] {
        var contents: [String: [UInt8]] = [:]
        for path in Self.paths(in: scenario.steps) where contents[path] == nil {
            let resolved = scenario.resolvePath(path)
            guard let handle = FileHandle(forReadingAtPath: resolved),
                let data = try? handle.read(upToCount: ByteSize.payloadMaximum + 1)
            else {
                throw RunPlanError(
                    .couldNotStart,
                    code: ErrorCode.payloadFile,
                    "cannot read the payload file '\(resolved)'"
                )
            }
            try? handle.close()
            guard data.count <= ByteSize.payloadMaximum else {
                throw RunPlanError(
                    .invalid,
                    code: ErrorCode.payloadSize,
                    "the payload file '\(resolved)' is larger than \(ByteSize(bytes: ByteSize.payloadMaximum)), "
                        + "the message limit"
                )
            }
            contents[path] = [UInt8](data)
        }
        return contents
    }

    private static func paths(in steps: [Step]) -> [String] {
        steps.flatMap { step -> [String] in
            switch step {
            case .send(let send):
                if case .file(let path) = send.payload { return [path] }
                return []
            case .repeat(let block): return Self.paths(in: block.steps)
            default: return []
            }
        }
    }
}
