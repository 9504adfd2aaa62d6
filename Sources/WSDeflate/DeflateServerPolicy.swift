package import WSProtocol

/// How a server answers permessage-deflate offers (RFC 7692 §5, §7.1), for `wsprobe serve`.
package struct DeflateServerPolicy: Sendable, Equatable {
    /// Reset our compressor per message and say so (`server_no_context_takeover`).
    package var serverNoContextTakeover: Bool
    /// Ask the client to reset its compressor per message (`client_no_context_takeover`).
    package var clientNoContextTakeover: Bool
    /// The largest window our compressor uses, 9-15 (8 cannot be compressed by zlib).
    package var serverMaxWindowBits: Int
    /// Limit the client's window to this, 8-15, when its offer allows (`client_max_window_bits`); nil
    /// leaves the client's choice.
    package var clientMaxWindowBits: Int?

    /// A policy; the defaults accept the client's offer as it stands with 15-bit windows.
    /// - Throws: `DeflateConfigurationError` for window sizes outside what can be used.
    package init(
        serverNoContextTakeover: Bool = false,
        clientNoContextTakeover: Bool = false,
        serverMaxWindowBits: Int = 15,
        clientMaxWindowBits: Int? = nil
    ) throws(DeflateConfigurationError) {
        guard (8...15).contains(serverMaxWindowBits) else {
            throw .windowBitsOutOfRange(parameter: "server_max_window_bits", value: serverMaxWindowBits)
        }
        guard serverMaxWindowBits >= 9 else {
            throw .windowBitsUnsupported(parameter: "server_max_window_bits", value: serverMaxWindowBits)
        }
        if let bits = clientMaxWindowBits, !(8...15).contains(bits) {
            throw .windowBitsOutOfRange(parameter: "client_max_window_bits", value: bits)
        }
        self.serverNoContextTakeover = serverNoContextTakeover
        self.clientNoContextTakeover = clientNoContextTakeover
        self.serverMaxWindowBits = serverMaxWindowBits
        self.clientMaxWindowBits = clientMaxWindowBits
    }

    /// The answer to the first acceptable permessage-deflate offer among `offers`, or nil to decline all.
    ///
    /// Offers with invalid parameters are declined (RFC 7692 §7.1: "a server MUST decline an extension
    /// negotiation offer ... with an invalid parameter"), and so is one that limits the server's window to 8
    /// bits, which zlib cannot compress with.
    /// - Returns: the response element for `SwitchingProtocolsResponse.extensions` and the agreed parameters.
    package func respond(
        to offers: [WebSocketExtension]
    ) -> (response: WebSocketExtension, parameters: DeflateParameters)? {
        for offer in offers where offer.name.equalsIgnoringASCIICase(DeflateParameterSet.extensionName) {
            guard let parameters = try? DeflateParameterSet(offer, valuelessClientWindowBits: true) else {
                continue
            }
            if let answer = self.answer(parameters) { return answer }
        }
        return nil
    }

    private func answer(_ offer: DeflateParameterSet) -> (response: WebSocketExtension, parameters: DeflateParameters)?
    {
        let serverBits = min(self.serverMaxWindowBits, offer.serverMaxWindowBits ?? 15)
        guard serverBits >= 9 else { return nil }
        var clientBits = 15
        var clientBitsInResponse: Int?
        if let offered = offer.clientMaxWindowBits {
            // RFC 7692 §7.1.2.2: answer with a value no larger than the offered one; without an answer the
            // client stays at or below its offered value.
            clientBits = offered ?? 15
            if let wanted = self.clientMaxWindowBits {
                clientBits = min(clientBits, wanted)
                clientBitsInResponse = clientBits
            }
        }
        let serverNoContextTakeover = self.serverNoContextTakeover || offer.serverNoContextTakeover
        let clientNoContextTakeover = self.clientNoContextTakeover || offer.clientNoContextTakeover
        var response = WebSocketExtension(name: DeflateParameterSet.extensionName)
        if serverNoContextTakeover { response.parameters.append(.init(name: "server_no_context_takeover")) }
        if clientNoContextTakeover { response.parameters.append(.init(name: "client_no_context_takeover")) }
        if offer.serverMaxWindowBits != nil || serverBits < 15 {
            response.parameters.append(.init(name: "server_max_window_bits", value: "\(serverBits)"))
        }
        if let bits = clientBitsInResponse {
            response.parameters.append(.init(name: "client_max_window_bits", value: "\(bits)"))
        }
        let parameters = DeflateParameters(
            serverNoContextTakeover: serverNoContextTakeover,
            clientNoContextTakeover: clientNoContextTakeover,
            serverMaxWindowBits: serverBits,
            clientMaxWindowBits: clientBits
        )
        return (response, parameters)
    }
}
