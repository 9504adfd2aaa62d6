import NIOCore
import WSDeflate
import WSProtocol

/// Input: `[flags][split][response bytes…]`.
///
/// Flags: bit 0 offers subprotocols, bit 1 offers permessage-deflate, bit 2 uses a 256-byte head limit,
/// bit 3 requires a subprotocol. The response arrives in two reads cut at `split`.
enum ClientHandshakeFuzz {
    /// The RFC 6455 §1.3 sample key; seeds answer with its accept value.
    static let key = "dGhlIHNhbXBsZSBub25jZQ=="
    static let subprotocols = ["chat", "superchat"]

    static func run(_ bytes: [UInt8]) {
        var input = FuzzInput(bytes)
        let flags = input.byte()
        let split = Int(input.byte())
        let response = input.rest()
        let subprotocols = flags & 1 != 0 ? Self.subprotocols : []
        let offer: DeflateOffer? = flags & 2 != 0 ? .standard : nil
        let request: UpgradeRequest
        do {
            request = try UpgradeRequest(
                host: "example.com",
                port: 80,
                isSecure: false,
                target: "/chat",
                subprotocols: subprotocols,
                extensions: offer.map { [$0.extensionOffer] } ?? [],
                key: Self.key
            )
        } catch {
            preconditionFailure("the fixed request is valid: \(error)")
        }
        var handshake = ClientHandshake(
            request: request,
            headLimit: flags & 4 != 0 ? 256 : UpgradeResponseParser.defaultHeadLimit,
            bodyExcerptLimit: 64,
            requireSubprotocol: flags & 8 != 0
        )
        var buffer = ByteBuffer()
        let cut = response.startIndex + min(split, response.count)
        for chunk in [response[..<cut], response[cut...]] {
            buffer.writeBytes(chunk)
            do {
                guard case .upgraded(let negotiated) = try handshake.receive(&buffer) else { continue }
                precondition(negotiated.head.status == 101, "upgraded without a 101")
                if let chosen = negotiated.subprotocol {
                    precondition(subprotocols.contains(chosen), "a subprotocol that was not offered was accepted")
                }
                guard let offer else {
                    precondition(negotiated.extensions.isEmpty, "an extension that was not offered was accepted")
                    return
                }
                if let parameters = try offer.negotiate(negotiated.extensions) {
                    _ = try? PerMessageDeflate(parameters: parameters, role: .client)
                }
                return
            } catch {
                Self.describe(error)
                return
            }
        }
        Self.describe(handshake.inputEnded(unparsed: buffer))
    }

    /// Builds the error's code and sentence, which also run on peer bytes.
    private static func describe(_ error: HandshakeError) {
        precondition(!error.code.isEmpty && !error.description.isEmpty, "an error without code or sentence")
    }

    static var seeds: [[UInt8]] {
        let accept = AcceptKey.accept(for: Self.key)
        let ok = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        let responses: [(UInt8, String)] = [
            (0, ok + "Sec-WebSocket-Accept: \(accept)\r\n\r\n"),
            (1, ok + "Sec-WebSocket-Accept: \(accept)\r\nSec-WebSocket-Protocol: chat\r\n\r\n\u{81}\u{02}hi"),
            (
                2,
                ok + "Sec-WebSocket-Accept: \(accept)\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover; "
                    + "client_max_window_bits=10; server_max_window_bits=\"12\"\r\n\r\n"
            ),
            (
                3,
                ok + "Sec-WebSocket-Accept: \(accept)\r\nSec-WebSocket-Protocol: superchat\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate, x-webkit\r\n\r\n"
            ),
            (0, "HTTP/1.1 404 Not Found\r\nContent-Length: 5\r\n\r\nnope!"),
            (0, "HTTP/1.1 302 Found\r\nLocation: https://example.com/login\r\nContent-Length: 0\r\n\r\n"),
            (
                0,
                "HTTP/1.1 426 Upgrade Required\r\nSec-WebSocket-Version: 13, 8\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
            ),
            (4, "HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/html\r\n\r\n<html>down</html>"),
        ]
        return responses.map { flags, text in [flags, UInt8(text.utf8.count / 2)] + Array(text.utf8) }
    }
}
