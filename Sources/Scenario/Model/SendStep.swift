/// Send one message.
package struct SendStep: Sendable, Hashable {
    /// The message type (RFC 6455 §5.6).
    package enum MessageType: String, Sendable, Hashable, CaseIterable {
        case text
        case binary
    }

    package var type: MessageType
    package var payload: Payload

    package init(type: MessageType = .text, payload: Payload) {
        self.type = type
        self.payload = payload
    }
}
