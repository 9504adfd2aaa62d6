package import ResultCodes

/// Why the embedded ALB emulation could not start or carry out an event.
package enum EmbeddedALBError: Error, Sendable, Hashable {
    /// A configuration value is out of range or refers to an unknown target.
    case configuration(String)
    /// The ALB listener could not be bound.
    case bind(reason: String)
    /// A target's echo server could not start.
    case target(id: String, reason: String)

    /// The stable code of the failure.
    package var errorCode: ErrorCode {
        switch self {
        case .configuration: .embeddedConfiguration
        case .bind: .embeddedBind
        case .target: .embeddedTarget
        }
    }

    /// The code as it is printed.
    package var code: String { self.errorCode.rawValue }
}

extension EmbeddedALBError: CustomStringConvertible {
    /// A diagnosis for a person.
    package var description: String {
        switch self {
        case .configuration(let reason): "The embedded ALB configuration is invalid: \(reason)."
        case .bind(let reason): "The embedded ALB could not listen on 127.0.0.1: \(reason)."
        case .target(let id, let reason): "The embedded target '\(id)' could not start: \(reason)."
        }
    }
}
