import Foundation
import Reports
import RunResults
import Testing

/// Every view of a probe's `RunResult`: the console text the probe commands print (unchanged from before
/// they produced a `RunResult`), the HTML section, one JUnit test case per check.
@Suite("Probe results in the console, HTML and JUnit")
struct ProbeReportTests {
    @Test("probe idle's text: cutoff, closure, every heartbeat mode, advice, expectation, failures")
    func idleConsole() {
        let text = ProbeConsole.text(ProbeSamples.result(ProbeDetails(idle: ProbeSamples.idle())))
        #expect(
            text == """
                wsprobe probe idle ws://alb.example/chat
                  idle cutoff:    50.012 s (≈ 50 s at 1 s resolution); 8 of 8 silent connections closed between \
                50.012 s and 50.4 s after their last byte
                  closed by:      the peer (server or proxy): TCP FIN without a close frame (1006)
                  keep-alive:     heartbeat every 16.671 s, held 75.012 s
                    ping  kept open (4 sent, 4 replies)
                    pong  closed after 50.02 s: TCP FIN without a close frame (1006) (3 sent, 0 replies)
                    data  not tested: tcp.refused: refused
                  safe heartbeat: ≤ 25 s
                  advice:         Send a ping heartbeat at most every 25 s.
                  expectation:    cutoff 50 s ± 5 s: met
                  failure:        tcp.refused: refused
                  probe took 126.5 s
                """
        )
    }

    @Test("probe deflate's text: the verdict from the result, then each offer with its answer and wire bytes")
    func deflateConsole() {
        let text = ProbeConsole.text(ProbeSamples.result(ProbeDetails(deflate: ProbeSamples.deflate())))
        #expect(
            text == """
                wsprobe probe deflate wss://alb.example/chat: FAIL, 3 offers: 1 accepted, 1 declined, 1 failed
                  (--insecure: TLS certificate verification is OFF)

                  ✓ permessage-deflate
                      accepted: permessage-deflate
                      echo: 8192 B of payload as 170 B out (2.1 %) and 150 B in (1.8 %) on the wire

                  – permessage-deflate; client_max_window_bits
                      declined: the 101 carries no permessage-deflate (server declined, or a proxy stripped it)
                      echo: 8192 B of payload as 8220 B out (100.3 %) and 8210 B in (100.2 %) on the wire

                  ✗ permessage-deflate; server_max_window_bits=10
                      failed in upgrade [deflate.unexpected-parameter]: The server answered a parameter not offered.
                """
        )
    }

    @Test("probe rate's text: one line per step, then the conclusion")
    func rateConsole() {
        let text = ProbeConsole.text(ProbeSamples.result(ProbeDetails(rate: ProbeSamples.rate())))
        #expect(
            text == """
                wsprobe probe rate rate-cli → ws://127.0.0.1:1/, 1 s per step
                  ✓        5/s  sent 5 received 5 lost 0 errors 0  p50 0.05 ms p99 0.2 ms  (measured after 1 s warm-up)
                  ✗       10/s  sent 10 received 9 lost 1 errors 0  ✗ count(messages_lost) == 0 (observed 1)  \
                (measured after 1.2 s warm-up)
                result: highest passing rate 5/s; 10/s failed
                """
        )
    }

    @Test("the console summary of a probe's result (wsprobe report, JUnit system-out) is the probe's text")
    func summaryIsTheProbeText() throws {
        let result = ProbeSamples.result(ProbeDetails(rate: ProbeSamples.rate()))
        let text = try #require(ProbeConsole.text(result))
        #expect(ConsoleSummary(colors: true).render(result) == text + "\n")
        #expect(ProbeConsole.text(FixedResult.make()) == nil)
    }

    @Test("HTML shows the findings as a table, no load charts and no connection figures")
    func html() throws {
        let html = try HTMLReportWriter().render(ProbeSamples.result(ProbeDetails(deflate: ProbeSamples.deflate())))
        #expect(html.contains("<h2>Deflate probe</h2>"))
        #expect(html.contains("<th>Offer</th>"))
        #expect(html.contains("<td>permessage-deflate; server_max_window_bits=10</td><td>failed</td>"))
        #expect(html.contains("upgrade [deflate.unexpected-parameter]: The server answered a parameter not offered."))
        #expect(!html.contains("<svg"))
        #expect(!html.contains(">Connections<"))
        let idle = try HTMLReportWriter().render(ProbeSamples.result(ProbeDetails(idle: ProbeSamples.idle())))
        #expect(idle.contains("<h2>Idle probe</h2>"))
        #expect(idle.contains("<td>pong</td><td>closed after 50.02 s</td>"))
        let rate = try HTMLReportWriter().render(ProbeSamples.result(ProbeDetails(rate: ProbeSamples.rate())))
        #expect(rate.contains("<h2>Rate search</h2>"))
        #expect(rate.contains("<td>10/s</td><td>failed</td>"))
        #expect(!(try HTMLReportWriter().render(FixedResult.make())).contains("<section class=\"probe\">"))
    }

    @Test("JUnit has one test case per check, the failed offer with its deflate code and phase")
    func junit() throws {
        let result = ProbeSamples.result(ProbeDetails(deflate: ProbeSamples.deflate()))
        #expect(result.verdict == .failed)
        let xml = try JUnitReportWriter().render(result)
        #expect(xml.contains(#"<testsuite name="probe-deflate" tests="3" failures="1" errors="0""#))
        #expect(
            xml.contains(#"<testcase name="deflate: permessage-deflate" classname="wsprobe.checks" time="0.002"/>"#)
        )
        #expect(
            xml.contains(
                #"<testcase name="deflate: permessage-deflate; server_max_window_bits=10" classname="wsprobe.checks" time="0.002"><failure message="The server answered a parameter not offered." type="deflate.unexpected-parameter">"#
            )
        )
        #expect(xml.contains("phase: upgrade"))
        #expect(xml.contains(#"<property name="wsprobe.kind" value="probe-deflate"/>"#))
    }

    @Test("an unmet idle expectation is the one failed test case, with the cutoff found and the one expected")
    func idleJUnit() throws {
        let result = ProbeSamples.result(ProbeDetails(idle: ProbeSamples.idle(expectationMet: false)))
        #expect(result.verdict == .failed)
        let xml = try JUnitReportWriter().render(result)
        #expect(xml.contains(#"tests="1" failures="1" errors="0""#))
        #expect(xml.contains(#"<testcase name="idle.expectation" classname="wsprobe.checks""#))
        #expect(xml.contains("observed: 50.012 s\nexpected: 60 s ± 5 s"))
    }
}
