package import WSFuzzHarness

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libFuzzer's driver, present when linked with `-sanitize=fuzzer`.
@_silgen_name("LLVMFuzzerRunDriver")
private func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// What the fuzz executables share: seed writing and the call into libFuzzer.
package enum FuzzDriver {
    /// Writes `target.seeds` as files `seed-N` into the directory named by `WSPROBE_FUZZ_WRITE_SEEDS`, if set,
    /// and exits; `scripts/fuzz.sh` uses it to seed each corpus from inputs built by the harness.
    package static func writeSeedsIfAsked(for target: FuzzTarget) {
        guard let directory = getenv("WSPROBE_FUZZ_WRITE_SEEDS").map({ String(cString: $0) }) else { return }
        for (index, seed) in target.seeds.enumerated() {
            let path = "\(directory)/seed-\(index)"
            guard let file = fopen(path, "wb") else {
                print("cannot write \(path)")
                exit(2)
            }
            _ = seed.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
            fclose(file)
        }
        exit(0)
    }

    /// Runs libFuzzer with the process arguments.
    package static func run(
        argc: Int32,
        argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
        callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32 {
        var argc = argc
        var argv = argv
        return llvmFuzzerRunDriver(&argc, &argv, callback)
    }
}
