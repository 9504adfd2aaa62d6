/// Size limits applied to what the peer sends, against memory exhaustion (RFC 6455 §10.4).
///
/// Both limits are inclusive: a frame or message of exactly the limit is accepted, one byte more fails the
/// connection with close code 1009 (RFC 6455 §7.4.1).
package struct Limits: Sendable, Hashable {
    /// The largest frame payload accepted, checked from the header before any payload is buffered.
    ///
    /// Default 16 MiB, equal to the message limit: a server may send a whole message as one frame, and
    /// Autobahn|Testsuite case 9.1.6 does exactly that with 16 MiB. (NIO's decoder defaults to 16 KiB because
    /// it buffers whole frames for arbitrary peers; a load-testing client talks to services under test.)
    package var maxFrameSize: Int
    /// The largest reassembled (and inflated) message payload accepted.
    ///
    /// Default 16 MiB: large enough for the biggest Autobahn messages (case 9.x, 16 MiB) and for realistic
    /// application payloads, small enough that thousands of load-test connections cannot be made to hold
    /// gigabytes each.
    package var maxMessageSize: Int

    /// The default for both limits: 16 MiB.
    package static let defaultMaxSize = 16 * 1024 * 1024

    /// - Precondition: both limits are positive (a configuration error, not peer input).
    package init(maxFrameSize: Int = Limits.defaultMaxSize, maxMessageSize: Int = Limits.defaultMaxSize) {
        precondition(maxFrameSize > 0 && maxMessageSize > 0, "WebSocket size limits must be positive")
        self.maxFrameSize = maxFrameSize
        self.maxMessageSize = maxMessageSize
    }

    /// 16 MiB frames and messages.
    package static let `default` = Limits()
}
