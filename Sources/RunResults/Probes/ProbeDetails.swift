/// The findings of a `wsprobe probe` command, carried by its ``RunResult`` (kinds `probe-idle`,
/// `probe-deflate`, `probe-rate`).
///
/// Plain values: the probes build them, `report.json` carries them as an object with the one key of the probe
/// (`{"idle": {…}}`), and the console, HTML and JUnit views in Reports read them back from the result alone.
package enum ProbeDetails: Sendable, Equatable {
    /// `wsprobe probe idle`: the idle cutoff and which heartbeats keep the path open.
    case idle(IdleProbeDetails)
    /// `wsprobe probe deflate`: which permessage-deflate offers survive the path.
    case deflate(DeflateProbeDetails)
    /// `wsprobe probe rate`: the steps of the search and the highest passing rate.
    case rate(RateSearchDetails)

    package init(idle: IdleProbeDetails) { self = .idle(idle) }

    package init(deflate: DeflateProbeDetails) { self = .deflate(deflate) }

    package init(rate: RateSearchDetails) { self = .rate(rate) }

    /// The idle probe's findings, when these are its.
    package var idle: IdleProbeDetails? {
        guard case .idle(let details) = self else { return nil }
        return details
    }

    /// The deflate probe's findings, when these are its.
    package var deflate: DeflateProbeDetails? {
        guard case .deflate(let details) = self else { return nil }
        return details
    }

    /// The rate search's findings, when these are its.
    package var rate: RateSearchDetails? {
        guard case .rate(let details) = self else { return nil }
        return details
    }
}

extension ProbeDetails: Codable {
    private enum CodingKeys: String, CodingKey {
        case idle, deflate, rate
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "probe needs exactly one of idle, deflate, rate"
                )
            )
        }
        switch key {
        case .idle: self = .idle(try container.decode(IdleProbeDetails.self, forKey: .idle))
        case .deflate: self = .deflate(try container.decode(DeflateProbeDetails.self, forKey: .deflate))
        case .rate: self = .rate(try container.decode(RateSearchDetails.self, forKey: .rate))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .idle(let details): try container.encode(details, forKey: .idle)
        case .deflate(let details): try container.encode(details, forKey: .deflate)
        case .rate(let details): try container.encode(details, forKey: .rate)
        }
    }
}
