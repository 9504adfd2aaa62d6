import Foundation
import Reports
import Testing

/// Opens the rendered report in headless Chromium: no console errors, and a screenshot saved as a CI
/// artifact at `reports/screenshots/report.png`.
@Suite("HTML in Chromium")
struct ScreenshotTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test("Headless Chromium renders the report without console errors and saves a screenshot")
    func screenshot() throws {
        let chromium = try #require(
            Tool.find("chromium") ?? Tool.find("chromium-browser"),
            "chromium is missing: apt-get install chromium (scripts/install-test-peers.sh)"
        )
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("report.html")
        try HTMLReportWriter().write(FixedResult.make(), to: page)
        let screenshots = Self.repository.appendingPathComponent("reports/screenshots")
        try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
        let png = screenshots.appendingPathComponent("report.png")
        try? FileManager.default.removeItem(at: png)
        let output = try Tool.run(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                "--user-data-dir=\(directory.appendingPathComponent("profile").path)",
                "--enable-logging=stderr", "--v=0", "--screenshot=\(png.path)", "--window-size=1280,2400",
                page.absoluteString,
            ],
            timeout: 90
        )
        let size = (try? FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int) ?? 0
        #expect(size > 20_000, "no screenshot (\(size) bytes); chromium said: \(output.stderr.suffix(2000))")
        let consoleErrors = output.stderr.split(separator: "\n").filter {
            $0.contains("Uncaught") || $0.contains("ERROR:CONSOLE") || $0.contains(":CONSOLE(")
        }
        #expect(consoleErrors.isEmpty, "console errors: \(consoleErrors)")
        // A PNG starts with its signature.
        let header = try FileHandle(forReadingFrom: png).read(upToCount: 8) ?? Data()
        #expect(Array(header) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }
}
