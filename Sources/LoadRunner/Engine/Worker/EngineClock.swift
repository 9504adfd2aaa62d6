import Foundation
package import NIOCore

/// Where the engine reads time. Monotonic time comes from the worker's event loop (`EventLoop.now`, virtual
/// on `EmbeddedEventLoop` and `NIOAsyncTestingEventLoop`, so tests advance it); the wall clock is read only
/// for `{{now}}` in payload templates.
package struct EngineClock: Sendable {
    /// Milliseconds since 1970 for `{{now}}`.
    package var wallMilliseconds: @Sendable () -> Int64

    package init(wallMilliseconds: @escaping @Sendable () -> Int64) {
        self.wallMilliseconds = wallMilliseconds
    }

    /// The system's wall clock.
    package static let system = EngineClock { Int64(Date().timeIntervalSince1970 * 1000) }

    /// Monotonic nanoseconds on `loop`, the clock of every timestamp in the engine.
    package func now(on loop: any EventLoop) -> UInt64 {
        loop.now.uptimeNanoseconds
    }
}
