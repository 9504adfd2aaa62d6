#if canImport(Glibc)
import Glibc
// Release builds (whole-module) can attribute Glibc's `timeval` to the overlay shims; naming them keeps
// `tv_sec`/`tv_usec` visible under MemberImportVisibility.
#if canImport(SwiftOverlayShims)
import SwiftOverlayShims
#endif
#elseif canImport(Darwin)
import Darwin
#endif

/// The client's own CPU time and peak memory (getrusage), and its file descriptor limit.
package struct ResourceUsage: Sendable, Codable, Equatable {
    package var userCPUSeconds: Double
    package var systemCPUSeconds: Double
    package var maxRSSBytes: UInt64

    /// The current process's usage.
    package static func current() -> ResourceUsage {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        #if canImport(Darwin)
        let rss = UInt64(max(0, usage.ru_maxrss))
        #else
        let rss = UInt64(max(0, usage.ru_maxrss)) * 1024
        #endif
        return ResourceUsage(
            userCPUSeconds: seconds(usage.ru_utime),
            systemCPUSeconds: seconds(usage.ru_stime),
            maxRSSBytes: rss
        )
    }
}

extension ResourceUsage {
    /// The process's resident memory right now (Linux `/proc/self/statm`), or `nil` where that is not available.
    ///
    /// Unlike `maxRSSBytes` (the peak of the whole process life) it falls again when memory is returned, so sampled
    /// while connections are held it measures what holding them costs.
    package static func residentBytes() -> UInt64? {
        #if os(Linux)
        guard let file = fopen("/proc/self/statm", "r") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 128)
        guard fgets(&line, Int32(line.count), file) != nil else { return nil }
        // "size resident shared text lib data dt", in pages.
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let fields = text.split(separator: " ")
        guard fields.count >= 2, let pages = UInt64(fields[1]) else { return nil }
        return pages * UInt64(max(0, sysconf(Int32(_SC_PAGESIZE))))
        #else
        return nil
        #endif
    }
}

/// The open-files limit before and after raising the soft limit to the hard limit.
package struct FileLimit: Sendable, Codable, Equatable {
    package var softBefore: UInt64
    package var soft: UInt64
    package var hard: UInt64

    /// Raises RLIMIT_NOFILE's soft limit to its hard limit (a load generator needs one descriptor per
    /// connection) and reports both.
    package static func raise() -> FileLimit {
        var limit = rlimit()
        #if canImport(Glibc)
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        guard getrlimit(resource, &limit) == 0 else { return FileLimit(softBefore: 0, soft: 0, hard: 0) }
        let before = UInt64(limit.rlim_cur)
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(resource, &raised) == 0 { limit = raised }
        }
        return FileLimit(softBefore: before, soft: UInt64(limit.rlim_cur), hard: UInt64(limit.rlim_max))
    }
}
