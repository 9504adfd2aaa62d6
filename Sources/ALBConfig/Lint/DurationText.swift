package import Scenario

/// Parses the human durations of `--heartbeat` with the one duration rule of every wsprobe flag and scenario
/// field (`Duration.parseHuman`): a unit is always required (`30s`, `500ms`, `2m`, `1.5s`), a bare number is
/// refused with a hint such as "write e.g. 30s".
package enum DurationText {
    /// The duration in whole milliseconds (at least 1), or the reason the text is not one.
    package static func parseMilliseconds(_ text: String) -> Result<Int, UnitError> {
        let duration: Duration
        do {
            duration = try Duration.parseHuman(text)
        } catch {
            return .failure(error)
        }
        let milliseconds = (duration.secondsDouble * 1000).rounded()
        guard milliseconds >= 1 else {
            return .failure(UnitError(.duration, "'\(text)' is shorter than 1ms"))
        }
        return .success(Int(milliseconds))
    }

    /// The duration in whole milliseconds, or nil when the text is not a duration of at least 1ms.
    package static func milliseconds(_ text: String) -> Int? {
        try? parseMilliseconds(text).get()
    }
}
