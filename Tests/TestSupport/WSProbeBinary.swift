import Foundation

/// Runs the built `wsprobe` executable, as a user would, for end-to-end tests.
package enum WSProbeBinary {
    /// What one run printed and how it ended.
    package struct Run: Sendable {
        package var status: Int32
        package var standardOutput: String
        package var standardError: String
    }

    /// The executable next to the test bundle (`swift build --build-tests` builds both), or `WSPROBE_BIN`.
    package static var path: String {
        if let override = ProcessInfo.processInfo.environment["WSPROBE_BIN"], !override.isEmpty {
            return override
        }
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        return directory.appendingPathComponent("wsprobe").path
    }

    /// Runs `wsprobe arguments…`, killed after `timeout`.
    package static func run(_ arguments: [String], timeout: Duration = .seconds(30)) async throws -> Run {
        guard FileManager.default.isExecutableFile(atPath: self.path) else {
            throw PeerError.invalidConfiguration("no wsprobe executable at \(self.path); run `swift build` first")
        }
        let result = try await PeerCommand.run(self.path, arguments, timeout: timeout)
        return Run(
            status: result.status,
            standardOutput: String(decoding: result.output, as: UTF8.self),
            standardError: result.error
        )
    }
}
