/// Which end of the connection this endpoint is; it decides who masks (RFC 6455 §5.1).
package enum EndpointRole: Sendable, Hashable {
    /// Masks every frame it sends and requires unmasked frames from the server.
    case client
    /// Sends unmasked frames and requires every frame from the client to be masked.
    case server

    /// True when frames this endpoint sends must be masked.
    package var masksOutgoingFrames: Bool {
        self == .client
    }

    /// True when frames this endpoint receives must be masked.
    package var expectsMaskedFrames: Bool {
        self == .server
    }
}
