package import Foundation
package import RunResults

/// The files of one report folder, `reports/<scenario>/<UTC timestamp>/` (docs/reports.md): what `run`
/// and `check` write by default, in one call.
package enum ReportBundle {
    /// `root/<scenario>/<yyyyMMdd'T'HHmmss'Z'>`, with the scenario name made safe for a path (anything
    /// but letters, digits, `.`, `_` and `-` becomes `-`; a `check` of `wss://host/p` becomes
    /// `wss-host-p`).
    package static func defaultFolder(root: URL, scenarioName: String, startedAt: Date) -> URL {
        var safe = String(
            scenarioName.unicodeScalars.map { scalar -> Character in
                let allowed =
                    scalar.isASCII
                    && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
                return allowed ? Character(scalar) : "-"
            }
        )
        while safe.contains("--") { safe = safe.replacingOccurrences(of: "--", with: "-") }
        safe = String(safe.trimmingCharacters(in: CharacterSet(charactersIn: "-.")).prefix(80))
        if safe.isEmpty { safe = "scenario" }
        return root.appendingPathComponent(safe, isDirectory: true).appendingPathComponent(
            Self.stamp(startedAt),
            isDirectory: true
        )
    }

    /// Writes `report.json` and, if asked, `report.html` and `junit.xml` into `folder` (created if
    /// missing).
    ///
    /// - Returns: the files written, JSON first.
    /// - Throws: the file system's error when the folder or a file cannot be written (exit status 3).
    @discardableResult
    package static func write(
        _ result: RunResult,
        to folder: URL,
        html: Bool = true,
        junit: Bool = true
    ) throws -> [URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var writers: [any ReportWriter] = [JSONReportWriter()]
        if html { writers.append(HTMLReportWriter()) }
        if junit { writers.append(JUnitReportWriter()) }
        return try writers.map { writer in
            let url = folder.appendingPathComponent(writer.defaultFileName)
            try writer.write(result, to: url)
            return url
        }
    }

    /// `20260102T030405Z`: sortable, and free of `:` so it is a valid file name everywhere.
    private static func stamp(_ date: Date) -> String {
        let iso = date.formatted(Date.ISO8601FormatStyle())
        return iso.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }
}
