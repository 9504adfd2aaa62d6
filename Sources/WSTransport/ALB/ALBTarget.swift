/// One backend of the emulated ALB: an echo target that names itself, and its share of a weighted group.
package struct ALBTarget: Sendable, Hashable {
    /// The identity the target reports in the identity header (unique within an ALB).
    package var id: String
    /// Its weight in any forward group it belongs to; 0 is never chosen, as on an ALB.
    package var weight: Int

    package init(id: String, weight: Int = 1) {
        self.id = id
        self.weight = weight
    }
}
