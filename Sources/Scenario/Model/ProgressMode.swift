/// How live progress is shown.
package enum ProgressMode: Sendable, Equatable {
    /// One status block redrawn every second (a terminal).
    case terminal
    /// One plain line every `everySeconds` (logs, CI).
    case lines(everySeconds: Int)
    /// Nothing.
    case quiet
}
