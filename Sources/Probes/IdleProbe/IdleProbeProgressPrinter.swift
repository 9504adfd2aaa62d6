package import Scenario

/// Turns idle-probe progress into standard-error text the way `wsprobe run` shows its progress: a status line
/// redrawn every second on a terminal, a plain line every `everySeconds` in logs, nothing when quiet. Batch
/// starts and ends are always printed (except when quiet).
package struct IdleProbeProgressPrinter: Sendable {
    package let mode: ProgressMode
    private var lastLineSecond: Int?
    private var statusShown = false

    package init(mode: ProgressMode) {
        self.mode = mode
    }

    /// The text to write for `progress`, nil when nothing is to be written.
    package mutating func text(for progress: IdleProbeProgress) -> String? {
        let second = Int(progress.elapsedSeconds.rounded(.down))
        switch (self.mode, progress.moment) {
        case (.quiet, _):
            return nil
        case (.terminal, .running):
            self.statusShown = true
            return "\r\u{1B}[K" + progress.line
        case (.terminal, _):
            let clear = self.statusShown ? "\r\u{1B}[K" : ""
            self.statusShown = false
            return clear + progress.line + "\n"
        case (.lines(let every), .running):
            guard every > 0, second % every == 0, self.lastLineSecond != second else { return nil }
            self.lastLineSecond = second
            return progress.line + "\n"
        case (.lines, _):
            return progress.line + "\n"
        }
    }
}
