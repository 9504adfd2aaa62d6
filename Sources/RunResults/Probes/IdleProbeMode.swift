/// What a probe connection sends while it waits: nothing, or one kind of heartbeat.
package enum IdleProbeMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Silent: measures the idle cutoff itself.
    case none
    /// A ping every interval (RFC 6455 §5.5.2); the peer's pong comes back.
    case ping
    /// An unsolicited pong every interval (RFC 6455 §5.5.3: a one-way heartbeat, no answer expected).
    case pong
    /// A small text message every interval (echoed back by an echo target).
    case data

    /// The heartbeat modes, in report order.
    package static let heartbeats: [IdleProbeMode] = [.ping, .pong, .data]
}
