package import WSProtocol

/// The client's permessage-deflate offer (RFC 7692 §5, §7.1).
///
/// The default offer is `permessage-deflate; client_max_window_bits`: it lets the server pick a smaller
/// client window (RFC 7692 §7.1.2.2) and asks for nothing else, which is what browsers send.
package struct DeflateOffer: Sendable, Equatable {
    /// How the offer states `client_max_window_bits`.
    package enum ClientWindowBits: Sendable, Equatable {
        /// Not offered: the server must not answer with the parameter; the client uses 15 bits.
        case notOffered
        /// Offered without a value: the server may choose any window from 9 up (8 cannot be compressed).
        case offered
        /// Offered with a limit 9-15: the client compresses with at most this window.
        case limit(Int)
    }

    /// Ask the server to reset its compressor per message (`server_no_context_takeover`).
    package var serverNoContextTakeover: Bool
    /// Announce that the client resets its compressor per message (`client_no_context_takeover`).
    package var clientNoContextTakeover: Bool
    /// Ask the server to use at most this window (`server_max_window_bits`, 8-15), or nil.
    package var serverMaxWindowBits: Int?
    /// The `client_max_window_bits` part of the offer.
    package var clientMaxWindowBits: ClientWindowBits

    /// An offer with the given parameters.
    /// - Throws: `.windowBitsOutOfRange` for values outside 8-15, `.windowBitsUnsupported` for a client
    ///   window of 8 (zlib cannot compress raw deflate with it, so it must never be offered).
    package init(
        serverNoContextTakeover: Bool = false,
        clientNoContextTakeover: Bool = false,
        serverMaxWindowBits: Int? = nil,
        clientMaxWindowBits: ClientWindowBits = .offered
    ) throws(DeflateConfigurationError) {
        if let bits = serverMaxWindowBits, !(8...15).contains(bits) {
            throw .windowBitsOutOfRange(parameter: "server_max_window_bits", value: bits)
        }
        if case .limit(let bits) = clientMaxWindowBits {
            guard (8...15).contains(bits) else {
                throw .windowBitsOutOfRange(parameter: "client_max_window_bits", value: bits)
            }
            guard bits >= 9 else {
                throw .windowBitsUnsupported(parameter: "client_max_window_bits", value: bits)
            }
        }
        self.serverNoContextTakeover = serverNoContextTakeover
        self.clientNoContextTakeover = clientNoContextTakeover
        self.serverMaxWindowBits = serverMaxWindowBits
        self.clientMaxWindowBits = clientMaxWindowBits
    }

    /// The default offer: `permessage-deflate; client_max_window_bits`.
    package static let standard = DeflateOffer(
        serverNoContextTakeover: false,
        clientNoContextTakeover: false,
        serverMaxWindowBits: nil,
        unchecked: .offered
    )

    private init(
        serverNoContextTakeover: Bool,
        clientNoContextTakeover: Bool,
        serverMaxWindowBits: Int?,
        unchecked clientMaxWindowBits: ClientWindowBits
    ) {
        self.serverNoContextTakeover = serverNoContextTakeover
        self.clientNoContextTakeover = clientNoContextTakeover
        self.serverMaxWindowBits = serverMaxWindowBits
        self.clientMaxWindowBits = clientMaxWindowBits
    }

    /// The offer as an extension element for `UpgradeRequest.extensions`.
    package var extensionOffer: WebSocketExtension {
        var parameters: [WebSocketExtension.Parameter] = []
        if self.serverNoContextTakeover { parameters.append(.init(name: "server_no_context_takeover")) }
        if self.clientNoContextTakeover { parameters.append(.init(name: "client_no_context_takeover")) }
        if let bits = self.serverMaxWindowBits {
            parameters.append(.init(name: "server_max_window_bits", value: "\(bits)"))
        }
        switch self.clientMaxWindowBits {
        case .notOffered: break
        case .offered: parameters.append(.init(name: "client_max_window_bits"))
        case .limit(let bits): parameters.append(.init(name: "client_max_window_bits", value: "\(bits)"))
        }
        return WebSocketExtension(name: DeflateParameterSet.extensionName, parameters: parameters)
    }

    /// The offer as `Sec-WebSocket-Extensions` text.
    package var headerValue: String {
        self.extensionOffer.headerText
    }
}
