import Scenario
import SecretRedaction
import Testing

/// Loading a scenario registers its secrets, so every output hides them wherever they turn up.
@Suite("Scenario secrets are registered for redaction")
struct SecretRegistrationTests {
    @Test("Target and routing-matrix secrets are registered even when the scenario is invalid")
    func registeredWhenInvalid() {
        let result = ScenarioLoader(overrides: ["target.headers.X-Api-Key=override-key-51c2"]).load(
            yaml: """
                name: secrets
                target:
                  url: wss://h.example/ws?room=lobby-room-77&access_token=url-token-0d1e
                  headers: {Authorization: "Bearer header-token-2f3a"}
                  cookies: {session: cookie-value-4b5c}
                  query: {sig: query-signature-6d7e}
                routes:
                  - name: row
                    request:
                      headers: {X-Auth-Token: route-header-8f9a}
                      cookies: {sid: route-cookie-0b1c}
                      query: {token: route-query-2d3e}
                    expect: {status: 403}
                unknownKey: true
                """
        )
        #expect(result.hasErrors)
        let secrets = [
            "override-key-51c2", "url-token-0d1e", "header-token-2f3a", "cookie-value-4b5c", "query-signature-6d7e",
            "route-header-8f9a", "route-cookie-0b1c", "route-query-2d3e",
        ]
        for secret in secrets {
            #expect(Redaction.redact(text: "echoed \(secret) here") == "echoed [redacted] here", "\(secret)")
        }
        #expect(Redaction.redact(text: "lobby-room-77") == "lobby-room-77", "a value under a plain name is no secret")
    }
}
