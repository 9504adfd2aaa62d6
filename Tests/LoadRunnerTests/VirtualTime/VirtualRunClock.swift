import Foundation
import NIOCore
import NIOEmbedded
import Synchronization

@testable import LoadRunner

/// A task executor that runs its jobs only when told, on the caller's thread: the coordinator's async code
/// then runs on the thread of the `EmbeddedEventLoop` it talks to.
final class ManualExecutor: TaskExecutor {
    private let jobs = Mutex<[UnownedJob]>([])

    func enqueue(_ job: UnownedJob) {
        self.jobs.withLock { $0.append(job) }
    }

    var isIdle: Bool { self.jobs.withLock { $0.isEmpty } }

    /// Runs jobs (including those they enqueue) until none is left.
    func runUntilIdle() {
        while let job = self.jobs.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}

/// A `RunClock` on an `EmbeddedEventLoop`'s virtual time: `sleep(until:)` parks the coordinator until
/// `VirtualRun.drive` advances the loop to the deadline.
final class VirtualRunClock: RunClock {
    let loop: EmbeddedEventLoop
    private let sleeper = Mutex<(deadline: NIODeadline, wake: CheckedContinuation<Void, Never>)?>(nil)

    init(loop: EmbeddedEventLoop) {
        self.loop = loop
    }

    var now: NIODeadline { self.loop.now }

    func sleep(until deadline: NIODeadline) async {
        guard deadline > self.loop.now else { return }
        await withCheckedContinuation { wake in
            self.sleeper.withLock { $0 = (deadline, wake) }
        }
    }

    /// The parked sleep, if any, removed.
    func takeSleeper() -> (deadline: NIODeadline, wake: CheckedContinuation<Void, Never>)? {
        self.sleeper.withLock { sleeper in
            defer { sleeper = nil }
            return sleeper
        }
    }
}

/// Runs async coordinator code in virtual time on one thread: runs its jobs, then the loop's due tasks, and
/// when it only waits for the clock, advances the loop to the clock's deadline. No wall time passes.
enum VirtualRun {
    struct Stuck: Error {}

    /// Runs `body` on a thread of its own and awaits it: a virtual-time run keeps its thread busy until it
    /// ends, and must not hold a cooperative thread that other (wall-clock) tests in the process need.
    static func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    static func drive<T: Sendable>(
        _ clock: VirtualRunClock,
        _ body: @escaping @Sendable () async throws -> T
    ) throws -> T {
        let executor = ManualExecutor()
        let result = Mutex<Result<T, any Error>?>(nil)
        Task(executorPreference: executor) {
            do {
                let value = try await body()
                result.withLock { $0 = .success(value) }
            } catch {
                result.withLock { $0 = .failure(error) }
            }
        }
        while true {
            executor.runUntilIdle()
            if let done = result.withLock({ $0 }) { return try done.get() }
            clock.loop.run()
            guard executor.isIdle else { continue }
            guard let sleeper = clock.takeSleeper() else { throw Stuck() }
            clock.loop.advanceTime(to: sleeper.deadline)
            sleeper.wake.resume()
        }
    }
}
