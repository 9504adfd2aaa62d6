import NIOCore
import Scenario
import Synchronization
import WSTransport

/// The running state of the emulated ALB's targets, shared by every connection's handler (on any event
/// loop) and by the event runner.
///
/// Sendable: the only mutable state is behind a `Mutex`, taken once per routed connection and per event,
/// never per byte.
final class ALBTargetPool: Sendable {
    /// A target the ALB may choose right now.
    struct Running: Sendable, Equatable {
        var id: String
        var weight: Int
        var port: Int
    }

    private struct Entry {
        var weight: Int
        /// The running echo server; nil while drained, stopped or not yet started.
        var server: EchoServer?
    }

    private struct State {
        var entries: [String: Entry]
        /// Set by shutdown: servers installed afterwards are handed straight back to be stopped.
        var closed = false
    }

    private let state: Mutex<State>

    init(targets: [EmbeddedTargets.Member]) {
        var entries: [String: Entry] = [:]
        for target in targets { entries[target.id] = Entry(weight: target.weight, server: nil) }
        self.state = Mutex(State(entries: entries))
    }

    /// The running targets among `ids`, in the order given.
    func running(among ids: [String]) -> [Running] {
        self.state.withLock { state in
            ids.compactMap { id in
                guard let entry = state.entries[id], let server = entry.server else { return nil }
                return Running(id: id, weight: entry.weight, port: server.port)
            }
        }
    }

    /// The running echo server of `id`, if any.
    func server(_ id: String) -> EchoServer? {
        self.state.withLock { $0.entries[id]?.server }
    }

    /// Whether `id` has a running server.
    func isRunning(_ id: String) -> Bool {
        self.state.withLock { $0.entries[id]?.server != nil }
    }

    /// Records `server` as the running echo server of `id`, so the ALB chooses it again.
    /// - Returns: a server the caller must stop: the one replaced, or `server` itself after shutdown began.
    func install(_ server: EchoServer, for id: String) -> EchoServer? {
        self.state.withLock { state in
            guard !state.closed, state.entries[id] != nil else { return server }
            let previous = state.entries[id]?.server
            state.entries[id]?.server = server
            return previous
        }
    }

    /// Stops choosing `id` and hands back its server, which the caller stops.
    func withdraw(_ id: String) -> EchoServer? {
        self.state.withLock { state in
            let server = state.entries[id]?.server
            state.entries[id]?.server = nil
            return server
        }
    }

    /// Every running server, withdrawn at once, and no more installs (for shutdown).
    func close() -> [EchoServer] {
        self.state.withLock { state in
            state.closed = true
            var servers: [EchoServer] = []
            for id in state.entries.keys {
                if let server = state.entries[id]?.server { servers.append(server) }
                state.entries[id]?.server = nil
            }
            return servers
        }
    }
}
