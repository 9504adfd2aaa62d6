extension Diagnostic {
    /// A stable, dotted diagnostic code. New codes may be added; existing ones never change meaning.
    package struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        package var rawValue: String

        package init(rawValue: String) {
            self.rawValue = rawValue
        }

        package var description: String { rawValue }

        /// The file could not be read.
        package static let file = Code(rawValue: "scenario.file")
        /// The text is not well-formed YAML (or JSON).
        package static let yaml = Code(rawValue: "scenario.yaml")
        /// The document is empty.
        package static let empty = Code(rawValue: "scenario.empty")
        /// A mapping holds the same key twice.
        package static let duplicateKey = Code(rawValue: "scenario.duplicate-key")
        /// A key that the format does not define (often a typo; the message suggests the closest key).
        package static let unknownKey = Code(rawValue: "scenario.unknown-key")
        /// A required key is absent.
        package static let missingKey = Code(rawValue: "scenario.missing-key")
        /// A value has the wrong shape (e.g. a list where a mapping belongs, text where a number belongs).
        package static let type = Code(rawValue: "scenario.type")
        /// A number is outside its allowed range.
        package static let range = Code(rawValue: "scenario.range")
        /// A value is not one of the allowed words.
        package static let choice = Code(rawValue: "scenario.choice")
        /// A malformed duration such as `30` or `5 sec`.
        package static let duration = Code(rawValue: "scenario.duration")
        /// A malformed rate such as `200` or `200/sec`.
        package static let rate = Code(rawValue: "scenario.rate")
        /// A malformed size such as `64` or `64kb`.
        package static let size = Code(rawValue: "scenario.size")
        /// A malformed percentage such as `99.9` or `101%`.
        package static let percentage = Code(rawValue: "scenario.percentage")
        /// A malformed or unsupported URL.
        package static let url = Code(rawValue: "scenario.url")
        /// A regular expression that does not compile.
        package static let regex = Code(rawValue: "scenario.regex")
        /// A payload template with an unknown placeholder or unbalanced braces.
        package static let template = Code(rawValue: "scenario.template")
        /// A malformed address, address range or `resolve` entry.
        package static let address = Code(rawValue: "scenario.address")
        /// Keys that cannot be used together, or a choice between keys with none made.
        package static let exclusive = Code(rawValue: "scenario.exclusive")
        /// A close code an endpoint may not send (RFC 6455 §7.4).
        package static let closeCode = Code(rawValue: "scenario.close-code")
        /// A reference to something that does not exist (e.g. a target identity no embedded target has).
        package static let reference = Code(rawValue: "scenario.reference")
        /// A threshold expression that does not parse.
        package static let thresholdSyntax = Code(rawValue: "scenario.threshold.syntax")
        /// A threshold on a metric that is not in the catalogue.
        package static let thresholdMetric = Code(rawValue: "scenario.threshold.metric")
        /// An aggregate that does not apply to the metric (e.g. `p99(upgrade_ok)`), or a bad percentile.
        package static let thresholdAggregate = Code(rawValue: "scenario.threshold.aggregate")
        /// A value whose unit does not fit the aggregate (e.g. `p99(message_rtt) < 5%`).
        package static let thresholdUnit = Code(rawValue: "scenario.threshold.unit")
        /// A label the metric does not carry.
        package static let thresholdLabel = Code(rawValue: "scenario.threshold.label")
        /// A `--set` argument that is not `key.path=value`.
        package static let overrideSyntax = Code(rawValue: "scenario.override.syntax")
        /// A `--set` path that cannot be followed in the document.
        package static let overridePath = Code(rawValue: "scenario.override.path")

        /// Every code, for documentation and tests.
        package static let all: [Code] = [
            .file, .yaml, .empty, .duplicateKey, .unknownKey, .missingKey, .type, .range, .choice, .duration,
            .rate, .size, .percentage, .url, .regex, .template, .address, .exclusive, .closeCode, .reference,
            .thresholdSyntax, .thresholdMetric, .thresholdAggregate, .thresholdUnit, .thresholdLabel,
            .overrideSyntax, .overridePath, .duplicateName, .unreachable, .httpToken, .limit,
        ]
    }
}

extension Diagnostic.Code {
    /// Two items that must have distinct names share one (route names, embedded target ids).
    package static let duplicateName = Diagnostic.Code(rawValue: "scenario.duplicate-name")
    /// Steps that can never run (after `close` or after a `repeat` without end); a warning.
    package static let unreachable = Diagnostic.Code(rawValue: "scenario.unreachable")
    /// A value that goes into a request head as an HTTP token is not one (a route's `method` or `upgradeHeader`).
    package static let httpToken = Diagnostic.Code(rawValue: "scenario.http-token")
    /// The scenario is past one of `ScenarioLimits`: its size, what its aliases expand to, its nesting or
    /// its number of steps.
    package static let limit = Diagnostic.Code(rawValue: "scenario.limit")
}
