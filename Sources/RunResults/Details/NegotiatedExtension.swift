/// A WebSocket extension the server accepted, with its parameters (RFC 6455 §9.1).
package struct NegotiatedExtension: Sendable, Hashable, Codable {
    /// The extension token, e.g. `permessage-deflate`.
    package var name: String
    /// Parameters in the order the server sent them; a parameter without a value has `value == nil`.
    package var parameters: [Parameter]

    /// One extension parameter such as `client_max_window_bits=12` or `server_no_context_takeover`.
    package struct Parameter: Sendable, Hashable, Codable {
        package var name: String
        package var value: String?

        package init(name: String, value: String? = nil) {
            self.name = name
            self.value = value
        }
    }

    package init(name: String, parameters: [Parameter] = []) {
        self.name = name
        self.parameters = parameters
    }

    /// The extension as written in `Sec-WebSocket-Extensions`.
    package var headerText: String {
        let parameters = self.parameters.map { parameter in
            parameter.value.map { "\(parameter.name)=\($0)" } ?? parameter.name
        }
        return ([self.name] + parameters).joined(separator: "; ")
    }
}
