package import NIOCore
package import ResultCodes

/// Why a server refuses an opening handshake request (RFC 6455 §4.2.1), with the HTTP answer to send.
///
/// This is the server role's error (for `wsprobe serve`); `HandshakeError` is the client's.
package enum UpgradeRequestError: Error, Equatable, Sendable {
    /// The request head did not end within `limit` bytes.
    case headTooLarge(limit: Int)
    /// The request head is not HTTP/1.1.
    case malformed(reason: String)
    /// RFC 6455 §4.2.1 item 1: the method must be GET.
    case methodNotAllowed(method: String)
    /// RFC 6455 §4.2.1 item 1: HTTP/1.1 or higher.
    case httpVersionUnsupported(version: String)
    /// RFC 6455 §4.2.1 item 2: a `Host` header is required.
    case hostMissing
    /// RFC 6455 §4.2.1 item 3: `Upgrade` must contain `websocket`.
    case upgradeMissing(received: String?)
    /// RFC 6455 §4.2.1 item 4: `Connection` must contain the `Upgrade` token.
    case connectionMissing(received: String?)
    /// RFC 6455 §4.2.1 item 5: `Sec-WebSocket-Key` is required.
    case keyMissing
    /// RFC 6455 §4.2.1 item 5: the key must be base64 of 16 bytes.
    case keyInvalid(received: String)
    /// RFC 6455 §4.2.1 item 6: `Sec-WebSocket-Version` is required.
    case versionMissing
    /// RFC 6455 §4.2.2 item 4: a version other than 13 is answered with 426 and the supported version.
    case versionUnsupported(received: String)
    /// `Sec-WebSocket-Protocol` is not a comma-separated list of tokens (RFC 6455 §4.1 item 10).
    case subprotocolsMalformed(received: String)
    /// `Sec-WebSocket-Extensions` does not follow RFC 6455 §9.1.
    case extensionsMalformed(received: String, reason: String)

    /// The stable, dotted identifier of this refusal.
    package var code: String { self.errorCode.rawValue }

    /// The failure's entry in the code catalogue (docs/codes.md).
    package var errorCode: ErrorCode {
        switch self {
        case .headTooLarge: .requestHeadTooLarge
        case .malformed: .requestMalformed
        case .methodNotAllowed: .requestMethod
        case .httpVersionUnsupported: .requestHTTPVersion
        case .hostMissing: .requestHostMissing
        case .upgradeMissing: .requestUpgradeMissing
        case .connectionMissing: .requestConnectionMissing
        case .keyMissing: .requestKeyMissing
        case .keyInvalid: .requestKeyInvalid
        case .versionMissing: .requestVersionMissing
        case .versionUnsupported: .requestVersionUnsupported
        case .subprotocolsMalformed: .requestSubprotocolsMalformed
        case .extensionsMalformed: .requestExtensionsMalformed
        }
    }

    /// The status and reason phrase to answer with.
    ///
    /// 426 (with `Sec-WebSocket-Version: 13`) where the client must change its upgrade (RFC 6455 §4.2.2),
    /// 405 for a method other than GET, 431 for an oversized head, 400 otherwise (RFC 6455 §4.2.1).
    package var status: (code: Int, reason: String) {
        switch self {
        case .headTooLarge: (431, "Request Header Fields Too Large")
        case .methodNotAllowed: (405, "Method Not Allowed")
        case .upgradeMissing, .connectionMissing, .versionUnsupported: (426, "Upgrade Required")
        default: (400, "Bad Request")
        }
    }

    /// Appends the complete HTTP answer (head and a plain-text body with the description) to `buffer`.
    ///
    /// The answer closes the connection. `extraHeaders` (e.g. a server identity header) follow the standard ones.
    package func writeResponse(into buffer: inout ByteBuffer, extraHeaders: HTTPHeaderFields = [:]) {
        let body = self.description + "\n"
        let (code, reason) = self.status
        buffer.writeString("HTTP/1.1 \(code) \(reason)\r\n")
        var headers: HTTPHeaderFields = [
            "Content-Type": "text/plain; charset=utf-8",
            "Content-Length": "\(body.utf8.count)",
            "Connection": "close",
        ]
        switch self {
        case .methodNotAllowed:
            headers.append(name: "Allow", value: "GET")
        case .upgradeMissing, .connectionMissing:
            headers.append(name: "Upgrade", value: "websocket")
            headers.append(name: "Sec-WebSocket-Version", value: "13")
        case .versionMissing, .versionUnsupported:
            headers.append(name: "Sec-WebSocket-Version", value: "13")
        default:
            break
        }
        for field in headers.fields + extraHeaders.fields {
            buffer.writeString("\(field.name): \(field.value)\r\n")
        }
        buffer.writeString("\r\n")
        buffer.writeString(body)
    }
}

extension UpgradeRequestError: CustomStringConvertible {
    /// A diagnosis for a person (also the body of the HTTP answer).
    package var description: String {
        switch self {
        case .headTooLarge(let limit):
            "The request head did not end within \(limit) bytes."
        case .malformed(let reason):
            "The request is not valid HTTP/1.1: \(reason)."
        case .methodNotAllowed(let method):
            "A WebSocket upgrade must use GET, not \(method) (RFC 6455 §4.2.1)."
        case .httpVersionUnsupported(let version):
            "A WebSocket upgrade needs HTTP/1.1 or higher, not \(version) (RFC 6455 §4.2.1)."
        case .hostMissing:
            "The upgrade request has no Host header (RFC 6455 §4.2.1)."
        case .upgradeMissing(let received):
            received.map { "The Upgrade header '\($0)' does not name websocket (RFC 6455 §4.2.1)." }
                ?? "This is a WebSocket endpoint; the request has no 'Upgrade: websocket' header (RFC 6455 §4.2.1)."
        case .connectionMissing(let received):
            received.map { "The Connection header '\($0)' lacks the Upgrade token (RFC 6455 §4.2.1)." }
                ?? "The request has no 'Connection: Upgrade' header (RFC 6455 §4.2.1)."
        case .keyMissing:
            "The upgrade request has no Sec-WebSocket-Key (RFC 6455 §4.2.1)."
        case .keyInvalid(let received):
            "The Sec-WebSocket-Key '\(received)' is not base64 of 16 bytes (RFC 6455 §4.2.1)."
        case .versionMissing:
            "The upgrade request has no Sec-WebSocket-Version; this server speaks 13 (RFC 6455 §4.2.1)."
        case .versionUnsupported(let received):
            "Sec-WebSocket-Version \(received) is not supported; this server speaks 13 (RFC 6455 §4.2.2)."
        case .subprotocolsMalformed(let received):
            "The Sec-WebSocket-Protocol '\(received)' is not a comma-separated list of tokens (RFC 6455 §4.1)."
        case .extensionsMalformed(let received, let reason):
            "The Sec-WebSocket-Extensions '\(received)' is malformed: \(reason) (RFC 6455 §9.1)."
        }
    }
}
