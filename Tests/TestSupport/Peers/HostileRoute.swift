/// The request paths of `HostileServer`: one deliberately wrong answer per handshake failure class.
///
/// The table at the top of `Tests/Peers/hostile_server.py` is the reference; the raw value is the
/// request path (a query string is ignored).
package enum HostileRoute: String, CaseIterable, Sendable {
    /// A correct 101, then a correct echo loop (text, binary, ping → pong, close → close).
    case ok = "/ok"
    /// 200 `text/html`, a load-balancer health page containing "status: healthy".
    case health = "/health"
    /// 200 `text/plain` "plain HTTP backend": a plain HTTP server that ignores `Upgrade`.
    case plain = "/plain"
    /// 502 with an nginx-like error page and `Server: nginx`.
    case badGateway = "/bad-gateway"
    /// 503 with an nginx-like error page.
    case unavailable = "/unavailable"
    /// 504 with an nginx-like error page.
    case timeoutGateway = "/timeout-gateway"
    /// 301 with `Location: /ok`.
    case redirect = "/redirect"
    /// 401 with `WWW-Authenticate: Basic realm="wsprobe"`.
    case unauthorized = "/unauthorized"
    /// 403.
    case forbidden = "/forbidden"
    /// 404.
    case notFound = "/not-found"
    /// 426 with `Sec-WebSocket-Version: 13, 8`.
    case upgradeRequired = "/upgrade-required"
    /// 101 without `Upgrade` (a stripped hop-by-hop header).
    case noUpgrade = "/no-upgrade"
    /// 101 without `Connection`.
    case noConnection = "/no-connection"
    /// 101 with a wrong `Sec-WebSocket-Accept` (SHA-1 over GUID + key, the wrong order).
    case badAccept = "/bad-accept"
    /// 101 without `Sec-WebSocket-Accept`.
    case noAccept = "/no-accept"
    /// A correct 101 that selects `Sec-WebSocket-Protocol: chat.v9`, which no client offers.
    case unofferedSubprotocol = "/unoffered-subprotocol"
    /// A correct 101 with `Sec-WebSocket-Extensions: x-unknown`.
    case unofferedExtension = "/unoffered-extension"
    /// A correct 101 with `permessage-deflate; server_max_window_bits=7` (outside 8...15).
    case deflateBadParameters = "/deflate-bad-params"
    /// Reads the request and never answers: the client must time out in the upgrade phase.
    case silent = "/silent"
    /// A correct 101, then at once a close frame 1001 "idle timeout".
    case closeAfterUpgrade = "/close-after-upgrade"
    /// A correct 101, then a TCP close without a close frame (1006 for the client).
    case dropAfterUpgrade = "/drop-after-upgrade"
    /// A correct 101 with the text message "welcome to the hostile server" right behind it (a legal
    /// server-initiated message), then the `ok` echo loop.
    case greeting = "/greeting"
    /// A correct 101; the first client frame is answered with a frame of the reserved opcode 0x3 (the client
    /// fails the connection with 1002), the client's close frame is read and TCP ends (FIN) without an answer.
    case violation = "/violation"
    /// A correct 101, then every data message is answered with the text message "not an echo".
    case notEcho = "/not-echo"
    /// A correct 101; once nothing arrived for 1 s, TCP ends in order (FIN) without a close frame.
    case endWhenIdle = "/end-when-idle"
    /// A correct 101; once nothing arrived for 1 s, TCP is reset (RST) without a close frame.
    case resetWhenIdle = "/reset-when-idle"
    /// A 101 head larger than 64 KiB (filler headers `X-Filler-N`), otherwise correct.
    case hugeHead = "/huge-head"
    /// Non-HTTP bytes, then close.
    case garbage = "/garbage"
    /// `HTTP/1.0 200 OK` with a text body and no `Content-Length`, then close.
    case http10 = "/http10"

    /// The request path.
    package var path: String { rawValue }

    /// The text message the `greeting` route sends right behind its 101.
    package static let greetingText = "welcome to the hostile server"

    /// The status code of the answer, `nil` for `silent` and `garbage`.
    package var status: Int? {
        switch self {
        case .ok, .noUpgrade, .noConnection, .badAccept, .noAccept, .unofferedSubprotocol, .unofferedExtension,
            .deflateBadParameters, .closeAfterUpgrade, .dropAfterUpgrade, .greeting, .violation, .notEcho,
            .endWhenIdle,
            .resetWhenIdle, .hugeHead:
            return 101
        case .health, .plain, .http10: return 200
        case .badGateway: return 502
        case .unavailable: return 503
        case .timeoutGateway: return 504
        case .redirect: return 301
        case .unauthorized: return 401
        case .forbidden: return 403
        case .notFound: return 404
        case .upgradeRequired: return 426
        case .silent, .garbage: return nil
        }
    }
}
