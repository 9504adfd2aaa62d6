/// An IONOS target group (`/targetgroups/{id}`): the balancing algorithm, the targets and their checks.
package struct TargetGroup: Sendable, Hashable {
    /// `properties.algorithm`.
    package enum Algorithm: String, Sendable, Hashable, CaseIterable {
        case roundRobin = "ROUND_ROBIN"
        case leastConnection = "LEAST_CONNECTION"
        case random = "RANDOM"
        /// "It is ensured that the same client IP address reaches the same target."
        case sourceIP = "SOURCE_IP"
    }

    /// The resource ID (`id`), which FORWARD rules name in `targetGroup`.
    package var id: String?
    /// `properties.name`.
    package var name: String?
    /// `properties.algorithm`.
    package var algorithm: Algorithm?
    /// `properties.protocol`; only `HTTP` is documented.
    package var protocolName: String?
    /// `properties.protocolVersion` (newer API versions; the value names are not documented).
    package var protocolVersion: String?
    /// `properties.targets`.
    package var targets: [Target]
    /// `properties.healthCheck`: timing of the TCP/HTTP checks.
    package var healthCheck: HealthCheck?
    /// `properties.httpHealthCheck`: an HTTP request check, which IONOS says not to use for WebSockets.
    package var httpHealthCheck: HTTPHealthCheck?
    /// Where the resource object is in its file.
    package var source: SourceLocation

    package init(
        id: String?,
        name: String?,
        algorithm: Algorithm?,
        protocolName: String? = nil,
        protocolVersion: String? = nil,
        targets: [Target],
        healthCheck: HealthCheck? = nil,
        httpHealthCheck: HTTPHealthCheck? = nil,
        source: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.algorithm = algorithm
        self.protocolName = protocolName
        self.protocolVersion = protocolVersion
        self.targets = targets
        self.healthCheck = healthCheck
        self.httpHealthCheck = httpHealthCheck
        self.source = source
    }

    /// A short human name: `target group "chat-backends"` or its ID.
    package var displayName: String {
        "target group " + (name.map { "\"\($0)\"" } ?? id ?? "(no id)")
    }

    /// The location of `properties` in the file.
    package var propertiesSource: SourceLocation { source.appending("properties") }
}
