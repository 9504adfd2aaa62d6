import Foundation
import Reports
import RunResults
import Testing

/// The check's console text is a view of its `RunResult`: the same lines `check` printed from its own model
/// before version 2, for passed, failed, brief and re-rendered results.
@Suite("Check console text")
struct CheckConsoleTextTests {
    static let passedText = """
        wsprobe check wss://echo.example:8443/chat?token=[redacted]: PASS

            dns         0.412 ms  echo.example → 192.0.2.7:8443
            tcp          1.25 ms  connected to 192.0.2.7:8443 from 10.0.0.2:50000
            tls          12.5 ms  TLSv1.3 TLS_AES_128_GCM_SHA256, 89 days left
            upgrade         2 ms  101 Switching Protocols, subprotocol chat
            echo          0.9 ms  3/3 × 16 B text (min 0.8 ms, max 1.1 ms)
            ping          0.5 ms  pong with the same payload
            close         0.7 ms  1000 normal closure, initiated by wsprobe, clean
            total        18.3 ms

          TLS: TLSv1.3, TLS_AES_128_GCM_SHA256, ALPN http/1.1, SNI echo.example
            [0] CN=echo.example
                issuer CN=Example CA, not after 2026-03-31T23:33:20Z (89 days left)

          request:
            > GET /chat?token=[redacted] HTTP/1.1
            > Host: echo.example:8443
            > Upgrade: websocket
          response:
            < HTTP/1.1 101 Switching Protocols
            < Upgrade: websocket
            < Sec-WebSocket-Protocol: chat

          negotiated: subprotocol chat; extensions none
        """

    @Test("a passed check: verdict, phase lines, total, TLS chain, heads and negotiation")
    func passed() {
        #expect(CheckConsoleText.render(FixedCheck.passed()) == Self.passedText)
    }

    @Test("--brief stops after the phase lines")
    func brief() {
        let brief = CheckConsoleText.render(FixedCheck.passed(), verbose: false)
        let lines = Self.passedText.split(separator: "\n", omittingEmptySubsequences: false).prefix(10)
        #expect(brief == lines.joined(separator: "\n"))
    }

    @Test("a failed check: the failing phase marked, untimed phases as '-', unsolicited messages and the diagnosis")
    func refused() {
        let expected = """
            wsprobe check ws://127.0.0.1:9/: FAIL in tcp [tcp.refused]  (certificate verification OFF: --insecure)

                dns                -  not needed (127.0.0.1:9)
              ✗ tcp                -  tcp.refused
                4 unsolicited messages from the server (text, 7 B: "welcome"; binary, 3 B; text, 2 B: "hi"; …)

              diagnosis: The connection to 127.0.0.1:9 was refused.
            """
        #expect(CheckConsoleText.render(FixedCheck.refused()) == expected)
    }

    @Test("a check decoded from its report.json renders the same text, and `report` prints it for a check")
    func reRendered() throws {
        for result in [FixedCheck.passed(), FixedCheck.refused()] {
            let decoded = try RunResult.decode(try result.jsonData(), source: "check.json")
            #expect(decoded == result)
            #expect(CheckConsoleText.render(decoded) == CheckConsoleText.render(result))
            #expect(ConsoleText.render(decoded, colors: false) == CheckConsoleText.render(result) + "\n")
        }
    }
}
