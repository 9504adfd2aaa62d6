import ArgumentParser
import ResultCodes
import RunResults

/// wsprobe's exit statuses (docs/exit-codes.md), modelled on k6's.
enum ExitStatus: Int32 {
    /// Every check and threshold passed.
    case passed = 0
    /// A check or threshold failed; the report was written.
    case failed = 1
    /// Invalid input found by wsprobe's own validation (scenario, URL, header, option values).
    case invalidInput = 2
    /// Valid input, but the run could not start (unreadable TLS files, an unbindable port, …).
    case couldNotStart = 3
    /// The command ran but measured nothing (verdict `error`: no connection upgraded, whatever the
    /// thresholds); the report, if any, was written.
    case nothingMeasured = 4
    /// Interrupted by SIGINT or SIGTERM; the report was written.
    case interrupted = 130

    /// The status of a result with `verdict` (0, 1 or 4).
    init(verdict: Verdict) {
        switch verdict {
        case .passed: self = .passed
        case .failed: self = .failed
        case .error: self = .nothingMeasured
        }
    }

    /// The ArgumentParser exit code for this status.
    var exitCode: ExitCode { ExitCode(self.rawValue) }
}

/// An error that ends a command with a specific status after printing its message to standard error.
struct CommandFailure: Error, CustomStringConvertible {
    var status: ExitStatus
    var code: String
    var message: String

    /// A failure of the command itself, with its catalogued code (docs/codes.md); `status` must be the code's own.
    init(status: ExitStatus, code: ErrorCode, message: String) {
        assert(code.exitStatus == nil || code.exitStatus == status.rawValue, "\(code) does not exit \(status)")
        self.init(status: status, forwarding: code.rawValue, message: message)
    }

    /// A lower layer's failure (`error.code` of a `ConnectError`, `DiagnosticError`, …), passed on as it is.
    init(status: ExitStatus, code: String, message: String) {
        self.init(status: status, forwarding: code, message: message)
    }

    private init(status: ExitStatus, forwarding code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    var description: String { "error[\(self.code)]: \(self.message)" }
}
