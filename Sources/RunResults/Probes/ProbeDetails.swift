/// The findings of a `wsprobe probe` command, carried by its ``RunResult`` (kinds `probe-idle`,
/// `probe-deflate`, `probe-rate`); exactly one member is set, the one of the result's kind.
///
/// Plain values: the probes build them, `report.json` carries them, and the console, HTML and JUnit views in
/// Reports read them back from the result alone.
package struct ProbeDetails: Sendable, Equatable, Codable {
    /// `wsprobe probe idle`: the idle cutoff and which heartbeats keep the path open.
    package var idle: IdleProbeDetails?
    /// `wsprobe probe deflate`: which permessage-deflate offers survive the path.
    package var deflate: DeflateProbeDetails?
    /// `wsprobe probe rate`: the steps of the search and the highest passing rate.
    package var rate: RateSearchDetails?

    package init(idle: IdleProbeDetails) { self.idle = idle }

    package init(deflate: DeflateProbeDetails) { self.deflate = deflate }

    package init(rate: RateSearchDetails) { self.rate = rate }
}
