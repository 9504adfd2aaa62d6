/// One element of a `Sec-WebSocket-Extensions` header: an extension token and its parameters in order.
package struct WebSocketExtension: Sendable, Equatable {
    /// One `name` or `name=value` parameter; a quoted value is stored unquoted.
    package struct Parameter: Sendable, Equatable {
        package var name: String
        package var value: String?

        package init(name: String, value: String? = nil) {
            self.name = name
            self.value = value
        }
    }

    /// The extension token, e.g. `permessage-deflate`.
    package var name: String
    /// The parameters in the order written.
    package var parameters: [Parameter]

    package init(name: String, parameters: [Parameter] = []) {
        self.name = name
        self.parameters = parameters
    }

    /// The element as header text, e.g. `permessage-deflate; client_max_window_bits=10`.
    package var headerText: String {
        ExtensionHeader.format([self])
    }
}
