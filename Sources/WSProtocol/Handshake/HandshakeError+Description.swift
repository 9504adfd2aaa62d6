extension HandshakeError: CustomStringConvertible {
    /// A diagnosis for a person, naming the rule broken and the values seen.
    package var description: String {
        switch self {
        case .invalidRequest(let reason):
            "The upgrade request cannot be built: \(reason)."
        case .closedBeforeResponse(let count, let prefix):
            Self.describeClosed(count: count, prefix: prefix)
        case .responseHeadTooLarge(let limit):
            "The server's response head did not end within \(limit) bytes; this is not a WebSocket upgrade answer."
        case .malformedResponse(let reason):
            "The server's answer is not a valid HTTP/1.1 response: \(reason)."
        case .unexpectedStatus(let status, let reason, let headers, let body):
            Self.describeStatus(status: status, reason: reason, headers: headers, body: body)
        case .upgradeMissing:
            "The server answered 101 without an Upgrade header; a proxy on the way probably stripped it "
                + "(RFC 6455 §4.1 requires 'Upgrade: websocket')."
        case .upgradeInvalid(let received):
            "The server answered 101 with 'Upgrade: \(received)' instead of 'websocket' (RFC 6455 §4.1)."
        case .connectionMissing(let received):
            if let received {
                "The server answered 101 with 'Connection: \(received)', which lacks the 'Upgrade' token "
                    + "(RFC 6455 §4.1); a proxy may have rewritten it."
            } else {
                "The server answered 101 without a Connection header; a proxy on the way probably stripped it "
                    + "(RFC 6455 §4.1 requires 'Connection: Upgrade')."
            }
        case .acceptMissing(let expected):
            "The server answered 101 without Sec-WebSocket-Accept (expected '\(expected)'); it is not a WebSocket "
                + "server or a proxy removed the header."
        case .acceptMismatch(let expected, let received):
            "The server's Sec-WebSocket-Accept '\(received)' does not match '\(expected)', the value derived from "
                + "our key (RFC 6455 §4.1); a proxy may be replaying a cached or foreign response."
        case .subprotocolNotOffered(let received, let offered):
            offered.isEmpty
                ? "The server chose subprotocol '\(received)' although none was offered (RFC 6455 §4.1)."
                : "The server chose subprotocol '\(received)', which is not one of the offered "
                    + "\(Self.list(offered)) (RFC 6455 §4.1)."
        case .subprotocolMissing(let offered):
            "The server chose none of the offered subprotocols \(Self.list(offered)), and one is required."
        case .extensionHeaderMalformed(let value, let reason):
            "The server's Sec-WebSocket-Extensions '\(value)' is malformed: \(reason) (RFC 6455 §9.1)."
        case .extensionNotOffered(let name, let offered):
            offered.isEmpty
                ? "The server accepted extension '\(name)' although none was offered (RFC 6455 §4.1)."
                : "The server accepted extension '\(name)', which is not one of the offered "
                    + "\(Self.list(offered)) (RFC 6455 §4.1)."
        case .deflateMultipleAccepted(let count):
            "The server accepted permessage-deflate \(count) times; at most one may be accepted (RFC 7692 §5)."
        case .deflateUnknownParameter(let name):
            "The server's permessage-deflate response has the unknown parameter '\(name)' (RFC 7692 §7.1)."
        case .deflateDuplicateParameter(let name):
            "The server's permessage-deflate response repeats the parameter '\(name)' (RFC 7692 §7.1)."
        case .deflateUnexpectedValue(let parameter, let value):
            "The server's permessage-deflate parameter '\(parameter)' carries the value '\(value)'; it takes none "
                + "(RFC 7692 §7.1.1)."
        case .deflateInvalidValue(let parameter, let value):
            if let value {
                "The server's permessage-deflate parameter '\(parameter)=\(value)' is not an integer from 8 to 15 "
                    + "without leading zeros (RFC 7692 §7.1.2)."
            } else {
                "The server's permessage-deflate parameter '\(parameter)' has no value; it needs an integer "
                    + "from 8 to 15 (RFC 7692 §7.1.2)."
            }
        case .deflateServerNoContextTakeoverMissing:
            "The server did not agree to the offered server_no_context_takeover (RFC 7692 §7.1.1.1)."
        case .deflateServerWindowBitsMissing(let offered):
            "The server did not confirm the offered server_max_window_bits=\(offered) (RFC 7692 §7.1.2.1)."
        case .deflateServerWindowBitsTooLarge(let offered, let received):
            "The server answered server_max_window_bits=\(received), larger than the offered \(offered) "
                + "(RFC 7692 §7.1.2.1)."
        case .deflateClientWindowBitsNotOffered(let received):
            "The server answered client_max_window_bits=\(received) although the client did not offer that "
                + "parameter (RFC 7692 §7.1.2.2)."
        case .deflateClientWindowBitsTooLarge(let offered, let received):
            "The server answered client_max_window_bits=\(received), larger than the offered \(offered) "
                + "(RFC 7692 §7.1.2.2)."
        case .deflateClientWindowBitsUnsupported(let received):
            "The server demands client_max_window_bits=\(received); zlib cannot compress raw deflate with a "
                + "\(received)-bit window, so permessage-deflate cannot be used with this server."
        }
    }

    private static func describeClosed(count: Int, prefix: [UInt8]) -> String {
        guard count > 0 else {
            return "The server closed the connection without answering the upgrade request (an idle or "
                + "connection limit, a proxy expecting the PROXY protocol, or a TLS/plain-text mismatch?)."
        }
        // A TLS record header (handshake 0x16 or alert 0x15, version 3.x) means a TLS endpoint.
        if prefix.count >= 2, prefix[0] == 0x15 || prefix[0] == 0x16, prefix[1] == 0x03 {
            return "The server answered with \(count) bytes of TLS instead of HTTP; the port expects TLS "
                + "(use wss://)."
        }
        let text = Self.excerpt(prefix) ?? ""
        return "The server closed the connection after \(count) bytes that do not complete an HTTP response "
            + "head: '\(text)'."
    }

    private static func list(_ values: [String]) -> String {
        "[" + values.map { "'\($0)'" }.joined(separator: ", ") + "]"
    }

    private static func describeStatus(status: Int, reason: String, headers: HTTPHeaderFields, body: [UInt8]) -> String
    {
        let answered = "Server answered \(reason.isEmpty ? "\(status)" : "\(status) \(reason)") instead of 101"
        let excerpt = Self.excerpt(body)
        let bodyClause = excerpt.map { "; the body starts with '\($0)'" } ?? ""
        switch HandshakeStatusClass(status: status) {
        case .notUpgraded:
            let hint = excerpt == nil ? "" : " (a health page?)"
            return "\(answered)\(bodyClause)\(hint). The Upgrade/Connection headers were dropped on the way, or "
                + "the route points at an ordinary web page rather than a WebSocket endpoint."
        case .redirect:
            let location = headers["Location"].map { "to '\($0)'" } ?? "without a Location header"
            return "\(answered): a redirect \(location). Redirects are not followed; use the final URL "
                + "(often http→https or a missing trailing slash)\(bodyClause)."
        case .unauthorized:
            let challenge = headers["WWW-Authenticate"].map { " (WWW-Authenticate: \($0))" } ?? ""
            return "\(answered): the upgrade needs credentials\(challenge); add an Authorization header or "
                + "cookie\(bodyClause)."
        case .forbidden:
            return "\(answered): the request was refused (an access rule, a WAF, an Origin check or an IP "
                + "allow-list?)\(bodyClause)."
        case .notFound:
            return "\(answered): nothing answers at this path; check the path and the load balancer's "
                + "forwarding rules\(bodyClause)."
        case .upgradeRequired:
            let versions = headers.listElements(named: "Sec-WebSocket-Version").joined(separator: ", ")
            let detail =
                versions.isEmpty
                ? "the server named no Sec-WebSocket-Version, so it probably never saw the Upgrade headers (a "
                    + "proxy without WebSocket support?)"
                : "the server supports Sec-WebSocket-Version \(versions) (this client speaks 13, RFC 6455 §4.4)"
            return "\(answered): \(detail)\(bodyClause)."
        case .clientError:
            return "\(answered): the server or a proxy rejected the upgrade request (were the Upgrade/Connection "
                + "headers dropped, or a required header missing?)\(bodyClause)."
        case .gatewayError:
            return "\(answered): the load balancer/proxy could not reach a healthy target\(bodyClause)."
        case .serverError:
            return "\(answered): the server failed while handling the upgrade\(bodyClause)."
        case .unexpected:
            return "\(answered)\(bodyClause)."
        }
    }

    /// The first characters of a body for a one-line message: control characters and runs of whitespace
    /// become one space, and a cut is marked with '…'. Nil for an empty body.
    private static func excerpt(_ body: [UInt8], characters: Int = 60) -> String? {
        var text = ""
        var count = 0
        var lastWasSpace = false
        for scalar in String(decoding: body, as: UTF8.self).unicodeScalars {
            let isSpace = scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
            if isSpace {
                if lastWasSpace || count == 0 { continue }
                lastWasSpace = true
                text.unicodeScalars.append(" ")
            } else {
                lastWasSpace = false
                text.unicodeScalars.append(scalar)
            }
            count += 1
            if count == characters {
                return text + "…"
            }
        }
        while text.last == " " { text.removeLast() }
        return text.isEmpty ? nil : text
    }
}
