/// The RSV1-RSV3 bits of a frame's first byte, kept at their wire positions (RFC 6455 §5.2).
///
/// `rawValue` is the first byte masked with 0x70, so `ProtocolError.reservedBitsSet(mask:)` shows the same
/// hex value a packet capture does.
package struct ReservedBits: OptionSet, Sendable, Hashable {
    package let rawValue: UInt8

    package init(rawValue: UInt8) {
        self.rawValue = rawValue & 0x70
    }

    /// RSV1 (0x40): "this message is compressed" under permessage-deflate (RFC 7692 §6).
    package static let rsv1 = ReservedBits(rawValue: 0x40)
    /// RSV2 (0x20): no extension we support defines it.
    package static let rsv2 = ReservedBits(rawValue: 0x20)
    /// RSV3 (0x10): no extension we support defines it.
    package static let rsv3 = ReservedBits(rawValue: 0x10)
}
