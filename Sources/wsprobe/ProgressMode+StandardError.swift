import Foundation
import LoadRunner
import Scenario

extension ProgressMode {
    /// How a command shows progress on standard error: nothing with `--quiet`, a redrawn status on a terminal,
    /// else a plain line every 5 s for logs and pipes.
    static func standardError(quiet: Bool) -> ProgressMode {
        if quiet { return .quiet }
        return isatty(STDERR_FILENO) == 1 ? .terminal : .lines(everySeconds: 5)
    }
}
