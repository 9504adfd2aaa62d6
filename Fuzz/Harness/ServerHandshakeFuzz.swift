import NIOCore
import WSDeflate
import WSProtocol

/// Input: `[flags][split][request bytes…]`, fed to the server side of the opening handshake.
///
/// Flags: bit 0 uses a 256-byte head limit. The request arrives in two reads cut at `split`; a valid offer
/// is answered as a server would (subprotocol choice, permessage-deflate policy, the 101 response).
enum ServerHandshakeFuzz {
    static func run(_ bytes: [UInt8]) {
        var input = FuzzInput(bytes)
        let flags = input.byte()
        let split = Int(input.byte())
        let request = input.rest()
        var parser = UpgradeRequestParser(headLimit: flags & 1 != 0 ? 256 : UpgradeRequestParser.defaultHeadLimit)
        var buffer = ByteBuffer()
        let cut = request.startIndex + min(split, request.count)
        for chunk in [request[..<cut], request[cut...]] {
            buffer.writeBytes(chunk)
            let head: UpgradeRequestHead
            do {
                guard let parsed = try parser.parse(&buffer) else { continue }
                head = parsed
            } catch {
                Self.describe(error)
                return
            }
            let offer: ClientUpgradeOffer
            do {
                offer = try ClientUpgradeOffer(validating: head)
            } catch {
                Self.describe(error)
                return
            }
            precondition(AcceptKey.isValidKey(offer.key), "an invalid key was accepted")
            let subprotocol = offer.selectSubprotocol(from: ["chat", "superchat"])
            var extensions: [WebSocketExtension] = []
            if let policy = try? DeflateServerPolicy(serverMaxWindowBits: 12, clientMaxWindowBits: 10),
                let (answer, parameters) = policy.respond(to: offer.extensions)
            {
                extensions.append(answer)
                _ = try? PerMessageDeflate(parameters: parameters, role: .server)
            }
            let response = SwitchingProtocolsResponse(
                answering: offer,
                subprotocol: subprotocol,
                extensions: extensions
            )
            var output = ByteBuffer()
            response.write(into: &output)
            return
        }
    }

    private static func describe(_ error: UpgradeRequestError) {
        let status = error.status
        precondition((400...599).contains(status.code) && !error.code.isEmpty, "a bad HTTP answer for \(error)")
        var answer = ByteBuffer()
        error.writeResponse(into: &answer)
    }

    static var seeds: [[UInt8]] {
        let base =
            "GET /chat?x=1 HTTP/1.1\r\nHost: example.com:8080\r\nUpgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        let requests = [
            base + "\r\n",
            base + "Sec-WebSocket-Protocol: superchat, chat\r\nOrigin: http://example.com\r\n\r\n\u{81}\u{85}abcd",
            base + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits, "
                + "permessage-deflate; server_no_context_takeover; server_max_window_bits=\"10\"\r\n\r\n",
            "POST / HTTP/1.0\r\nHost: a\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: upgrade\r\nSec-WebSocket-Key: x\r\n\r\n",
        ]
        return requests.map { [0, UInt8($0.utf8.count / 3)] + Array($0.utf8) }
    }
}
