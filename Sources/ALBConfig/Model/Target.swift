/// One entry of a target group's `targets`.
package struct Target: Sendable, Hashable {
    /// IONOS's documented default weight when `weight` is absent.
    package static let defaultWeight = 1
    /// The documented weight range, 0–256 inclusive.
    package static let weightRange = 0...256

    /// `ip`.
    package var ip: String?
    /// `port` (1–65535).
    package var port: Int?
    /// `weight` as written; nil when absent (then 1).
    package var weight: Int?
    /// `proxyProtocol`: `none` (default), `v1`, `v2` or `v2ssl`.
    package var proxyProtocol: String?
    /// `healthCheckEnabled` as written; nil when absent (then true).
    package var healthCheckEnabled: Bool?
    /// `maintenanceEnabled` as written; nil when absent (then false).
    package var maintenanceEnabled: Bool?
    /// Where the target object is in its file.
    package var source: SourceLocation

    package init(
        ip: String?,
        port: Int?,
        weight: Int? = nil,
        proxyProtocol: String? = nil,
        healthCheckEnabled: Bool? = nil,
        maintenanceEnabled: Bool? = nil,
        source: SourceLocation
    ) {
        self.ip = ip
        self.port = port
        self.weight = weight
        self.proxyProtocol = proxyProtocol
        self.healthCheckEnabled = healthCheckEnabled
        self.maintenanceEnabled = maintenanceEnabled
        self.source = source
    }

    /// The weight the ALB applies: `weight`, or 1 when absent.
    package var effectiveWeight: Int { weight ?? Self.defaultWeight }

    /// Whether the ALB may send new connections here: weight above 0 and not in maintenance.
    package var takesNewConnections: Bool {
        effectiveWeight > 0 && maintenanceEnabled != true
    }

    /// `10.0.0.5:8080` for messages.
    package var address: String {
        "\(ip ?? "?"):\(port.map(String.init) ?? "?")"
    }
}
