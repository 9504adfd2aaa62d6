import NIOCore

/// What every client connection's handler needs from its `EmbeddedALB`: the configuration, the targets'
/// state and the channel registry. Sendable: all three are.
struct ALBShared: Sendable {
    let configuration: EmbeddedALBConfiguration
    let pool: ALBTargetPool
    let registry: ALBChannelRegistry
}
