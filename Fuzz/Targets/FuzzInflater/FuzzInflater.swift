import WSFuzzDriver
import WSFuzzHarness

// The libFuzzer entry points for `FuzzTarget.inflater`; built only with WSPROBE_FUZZ set (see scripts/fuzz.sh).

/// Runs one input; libFuzzer calls this for every generated input.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTarget.inflater.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

/// The executable's entry point (SwiftPM names it `<module>_main`): writes the seed corpus when asked,
/// then hands over to libFuzzer's driver with the command-line arguments.
@_cdecl("FuzzInflater_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.writeSeedsIfAsked(for: .inflater)
    return FuzzDriver.run(argc: argc, argv: argv, callback: fuzzOneInput)
}
