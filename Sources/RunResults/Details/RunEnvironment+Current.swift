package import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension RunEnvironment {
    /// The facts of the machine this process runs on, for a run between `startedAt` and `endedAt`.
    ///
    /// - Parameter durationSeconds: the run's duration on the monotonic clock (the dates' span if `nil`).
    package static func current(startedAt: Date, endedAt: Date, durationSeconds: Double? = nil) -> RunEnvironment {
        let info = ProcessInfo.processInfo
        var limit = rlimit()
        let haveLimit = getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0
        let version = info.operatingSystemVersion
        #if os(Linux)
        let system = "Linux"
        #else
        let system = "macOS"
        #endif
        return RunEnvironment(
            hostname: info.hostName,
            cores: info.activeProcessorCount,
            openFilesSoftLimit: haveLimit ? UInt64(limit.rlim_cur) : nil,
            openFilesHardLimit: haveLimit ? UInt64(limit.rlim_max) : nil,
            operatingSystem: "\(system) \(version.majorVersion).\(version.minorVersion).\(version.patchVersion)",
            startedAt: startedAt,
            endedAt: endedAt,
            durationSeconds: durationSeconds
        )
    }
}
