/// A named set of weighted backends on 127.0.0.1, balanced round robin by weight.
package struct ALBTargetGroup: Sendable {
    /// The group name: letters, digits, `_` and `-`.
    package var name: String
    /// The backends.
    package var targets: [ALBTarget]

    package init(name: String, targets: [ALBTarget]) {
        self.name = name
        self.targets = targets
    }
}

/// One backend of a target group: a port on 127.0.0.1 and a weight (1...256, default 1).
package struct ALBTarget: Sendable {
    package var port: Int
    package var weight: Int

    package init(port: Int, weight: Int = 1) {
        self.port = port
        self.weight = weight
    }
}
