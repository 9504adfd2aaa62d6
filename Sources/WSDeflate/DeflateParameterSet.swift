import WSProtocol

/// The parameters of one `permessage-deflate` element, checked for syntax (RFC 7692 §7.1).
///
/// Used for both directions: a client checks the server's response with it, and a server checks each
/// offer (declining offers that fail rather than failing the handshake).
struct DeflateParameterSet: Equatable {
    /// The extension token RFC 7692 §7 registers.
    static let extensionName = "permessage-deflate"

    var serverNoContextTakeover = false
    var clientNoContextTakeover = false
    /// `server_max_window_bits`; it always needs a value.
    var serverMaxWindowBits: Int?
    /// nil when absent; `.some(nil)` when present without a value (allowed in an offer only).
    var clientMaxWindowBits: Int??

    /// Checks each parameter: known, not repeated, value only where defined, window bits 8-15 written as a
    /// decimal integer without leading zeros (RFC 7692 §7.1: otherwise the element is invalid).
    /// - Parameter valuelessClientWindowBits: whether `client_max_window_bits` may appear without a value,
    ///   as it may in an offer (RFC 7692 §7.1.2.2) but not in a response.
    init(_ element: WebSocketExtension, valuelessClientWindowBits: Bool) throws(HandshakeError) {
        var seen: Set<String> = []
        for parameter in element.parameters {
            let name = parameter.name.lowercased()
            guard seen.insert(name).inserted else {
                throw .deflateDuplicateParameter(name: parameter.name)
            }
            switch name {
            case "server_no_context_takeover", "client_no_context_takeover":
                if let value = parameter.value {
                    throw .deflateUnexpectedValue(parameter: parameter.name, value: value)
                }
                if name == "server_no_context_takeover" {
                    self.serverNoContextTakeover = true
                } else {
                    self.clientNoContextTakeover = true
                }
            case "server_max_window_bits":
                self.serverMaxWindowBits = try Self.windowBits(parameter)
            case "client_max_window_bits":
                if parameter.value == nil, valuelessClientWindowBits {
                    self.clientMaxWindowBits = .some(nil)
                } else {
                    self.clientMaxWindowBits = .some(try Self.windowBits(parameter))
                }
            default:
                throw .deflateUnknownParameter(name: parameter.name)
            }
        }
    }

    /// RFC 7692 §7.1.2: `1*DIGIT` without leading zeros, 8 to 15.
    private static func windowBits(_ parameter: WebSocketExtension.Parameter) throws(HandshakeError) -> Int {
        guard let value = parameter.value else {
            throw .deflateInvalidValue(parameter: parameter.name, value: nil)
        }
        guard value.utf8.count <= 2, value.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            value.utf8.first != UInt8(ascii: "0"), let bits = Int(value), (8...15).contains(bits)
        else {
            throw .deflateInvalidValue(parameter: parameter.name, value: value)
        }
        return bits
    }
}
