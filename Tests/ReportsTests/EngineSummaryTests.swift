import Foundation
import Reports
import RunResults
import Testing

/// The engine lines `run` prints after its summary are a view of the result's `loadDetails`.
@Suite("Engine summary")
struct EngineSummaryTests {
    @Test("every engine figure of the result has its line; the client line carries the cost")
    func lines() throws {
        let text = try #require(EngineSummary.text(FixedCheck.run()))
        #expect(
            text == """
                engine: 812 upgrades/s
                engine: stopped early by the abortOnFail threshold rate(errors) < 1%
                engine: connect failures hit the ports limit (no free local port; add source addresses with --source)
                engine: 3 unsolicited messages
                engine: 7 paced sends skipped (no connection ready)
                client: cpu 1.875 s, max rss 51200 KiB, 204.8 KiB rss per connection (10.1 KiB while 150 were held), \
                peak 150 connections, nofile 65536/65536
                """
        )
    }

    @Test("a result without load details (a check, a version-1 report) has no engine lines")
    func absent() {
        #expect(EngineSummary.text(FixedResult.make()) == nil)
        #expect(EngineSummary.text(FixedCheck.passed()) == nil)
        let summary = ConsoleSummary(colors: false).render(FixedResult.make())
        #expect(ConsoleText.render(FixedResult.make(), colors: false) == summary)
    }

    @Test("`report` of a run prints the summary followed by the engine lines")
    func reportOfRun() throws {
        let result = FixedCheck.run()
        let text = ConsoleText.render(result, colors: false)
        let engine = try #require(EngineSummary.text(result))
        #expect(text == ConsoleSummary(colors: false).render(result) + engine + "\n")
    }
}
