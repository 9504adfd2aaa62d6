/// How a load connection ended, which decides whether its slot reconnects.
enum ConnectionEnd: Equatable {
    /// The script ran to its end and the connection closed.
    case completed
    /// The churn lifetime expired and the engine closed it.
    case lifetime
    /// The connection could not be opened, or closed before its script finished.
    case failed
    /// The engine closed it because the run (or the ramp) is stopping.
    case stopped
}
