import ResultCodes
import WSProtocol

extension DeflateOffer {
    /// Parses an offer written as RFC 7692 parameters, as users type them after `--deflate=`:
    /// `client_max_window_bits=12; server_no_context_takeover`. An empty text or `default` is the standard
    /// offer; a leading `permessage-deflate;` is allowed.
    /// - Throws: `DeflateOfferSyntaxError` naming the parameter that is wrong.
    package init(parsing text: String) throws(DeflateOfferSyntaxError) {
        let trimmed = text.trimmingHTTPWhitespace()
        if trimmed.isEmpty || trimmed == "default" {
            self = .standard
            return
        }
        let header =
            trimmed.lowercased().hasPrefix("permessage-deflate") ? String(trimmed) : "permessage-deflate; \(trimmed)"
        let parsed: [WebSocketExtension]
        do {
            parsed = try ExtensionHeader.parse(header)
        } catch {
            throw DeflateOfferSyntaxError(text: text, reason: error.reason)
        }
        guard parsed.count == 1, let offer = parsed.first else {
            throw DeflateOfferSyntaxError(text: text, reason: "give one set of parameters separated by ';'")
        }
        var serverNoContextTakeover = false
        var clientNoContextTakeover = false
        var serverMaxWindowBits: Int?
        var clientMaxWindowBits = ClientWindowBits.notOffered
        var seen: Set<String> = []
        for parameter in offer.parameters {
            let name = parameter.name.lowercased()
            guard seen.insert(name).inserted else {
                throw DeflateOfferSyntaxError(text: text, reason: "'\(name)' appears twice")
            }
            switch (name, parameter.value) {
            case ("server_no_context_takeover", nil): serverNoContextTakeover = true
            case ("client_no_context_takeover", nil): clientNoContextTakeover = true
            case ("client_max_window_bits", nil): clientMaxWindowBits = .offered
            case ("client_max_window_bits", let value?):
                clientMaxWindowBits = .limit(try Self.windowBits(value, name: name, text: text))
            case ("server_max_window_bits", let value?):
                serverMaxWindowBits = try Self.windowBits(value, name: name, text: text)
            case ("server_no_context_takeover", _), ("client_no_context_takeover", _):
                throw DeflateOfferSyntaxError(text: text, reason: "'\(name)' takes no value")
            case ("server_max_window_bits", nil):
                throw DeflateOfferSyntaxError(text: text, reason: "'server_max_window_bits' needs a value from 8 to 15")
            default:
                throw DeflateOfferSyntaxError(text: text, reason: "'\(name)' is not an RFC 7692 parameter")
            }
        }
        do {
            try self.init(
                serverNoContextTakeover: serverNoContextTakeover,
                clientNoContextTakeover: clientNoContextTakeover,
                serverMaxWindowBits: serverMaxWindowBits,
                clientMaxWindowBits: clientMaxWindowBits
            )
        } catch {
            throw DeflateOfferSyntaxError(text: text, reason: error.description)
        }
    }

    private static func windowBits(_ value: String, name: String, text: String) throws(DeflateOfferSyntaxError) -> Int {
        guard let bits = Int(value), (8...15).contains(bits) else {
            throw DeflateOfferSyntaxError(text: text, reason: "'\(name)' must be a number from 8 to 15, not '\(value)'")
        }
        return bits
    }
}

/// A `--deflate=` value that is not a valid permessage-deflate offer.
package struct DeflateOfferSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What the user wrote.
    package var text: String
    /// What is wrong with it.
    package var reason: String

    /// The stable code of this usage error.
    package var code: String { ErrorCode.usageDeflate.rawValue }

    package var description: String {
        "The permessage-deflate offer '\(self.text)' is invalid: \(self.reason)."
    }
}
