// swift-tools-version: 6.2
import Foundation
import PackageDescription

/// Upcoming features every wsprobe module builds with (see docs/architecture.md, layer rules).
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// The modules on the per-message path (frame codec and state machine, channel handler, engine, recorder) skip
/// Swift's dynamic exclusivity checks in release builds. Their mutable state lives in final classes touched on
/// one event loop, where every property access otherwise costs a runtime check (`swift_beginAccess`, ~10 % of
/// W1's client CPU). The trade-off: an overlapping access that a debug build would trap on becomes undefined
/// behaviour in release. Debug builds and the tests keep the checks, so such a bug still surfaces there.
let hotPath: [SwiftSetting] = strict + [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let nioCore = Target.Dependency.product(name: "NIOCore", package: "swift-nio")
let nioPosix = Target.Dependency.product(name: "NIOPosix", package: "swift-nio")
let nioEmbedded = Target.Dependency.product(name: "NIOEmbedded", package: "swift-nio")

let package = Package(
    name: "wsprobe",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "wsprobe", targets: ["wsprobe"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        // System libraries (apt provider hints for a fresh machine).
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // The stable error codes and connection phases every output names (docs/codes.md); a leaf.
        .target(name: "ResultCodes", dependencies: [], swiftSettings: strict),

        // Pure protocol side.
        .target(name: "SystemCrypto", dependencies: ["COpenSSL"], swiftSettings: strict),
        .target(name: "WSProtocol", dependencies: ["SystemCrypto", "ResultCodes", nioCore], swiftSettings: hotPath),
        .target(
            name: "WSDeflate",
            dependencies: ["WSProtocol", "ResultCodes", "CZlib", nioCore],
            swiftSettings: strict
        ),
        .target(name: "TLSOpenSSL", dependencies: ["COpenSSL", "ResultCodes", nioCore], swiftSettings: strict),

        // I/O.
        .target(
            name: "WSTransport",
            dependencies: ["WSProtocol", "WSDeflate", "TLSOpenSSL", "ResultCodes", nioCore, nioPosix],
            swiftSettings: hotPath
        ),

        // Pure measurement side.
        .target(
            name: "LoadMetrics",
            dependencies: ["ResultCodes", .product(name: "Histogram", package: "hdrhistogram-swift")],
            swiftSettings: hotPath
        ),
        // What every output passes through before it leaves the process (secrets hidden).
        .target(name: "SecretRedaction", dependencies: [], swiftSettings: strict),
        .target(name: "Scenario", dependencies: ["Yams", "SecretRedaction"], swiftSettings: strict),
        .target(name: "ALBConfig", dependencies: ["Scenario", "ResultCodes"], swiftSettings: strict),

        // The loopback ALB of `target.embedded`: Scenario's embedded targets served by WSTransport's echo servers.
        .target(
            name: "ALBEmulator",
            dependencies: ["WSTransport", "Scenario", "WSProtocol", "TLSOpenSSL", "ResultCodes", nioCore, nioPosix],
            swiftSettings: strict
        ),

        .target(
            name: "RunResults",
            dependencies: ["Scenario", "LoadMetrics", "SecretRedaction", "ResultCodes"],
            swiftSettings: strict
        ),
        .target(
            name: "Reports",
            dependencies: [
                "RunResults", "Scenario", "SecretRedaction", "ResultCodes",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strict
        ),

        // The engine: where the two sides meet.
        .target(
            name: "LoadRunner",
            dependencies: [
                "WSTransport", "Scenario", "LoadMetrics", "RunResults", "SecretRedaction", "ResultCodes", nioCore,
                nioPosix,
            ],
            swiftSettings: hotPath
        ),

        // Single-connection diagnostics: check, the idle, deflate and routing probes (no load engine).
        .target(
            name: "Probes",
            dependencies: [
                "WSTransport", "WSProtocol", "WSDeflate", "TLSOpenSSL", "Scenario", "LoadMetrics", "RunResults",
                "SecretRedaction", "ResultCodes", nioCore, nioPosix,
            ],
            swiftSettings: strict
        ),

        // The executable: wiring only.
        .executableTarget(
            name: "wsprobe",
            dependencies: [
                "WSTransport", "ALBEmulator", "Scenario", "LoadMetrics", "ALBConfig", "LoadRunner", "Probes", "RunResults",
                "Reports", "SecretRedaction", "ResultCodes", nioCore, nioPosix,
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),

        // Tests.
        .target(
            name: "TestSupport",
            dependencies: ["WSProtocol", nioCore],
            path: "Tests/TestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "SystemCryptoTests", dependencies: ["SystemCrypto"], swiftSettings: strict),
        .testTarget(name: "ResultCodesTests", dependencies: ["ResultCodes"], swiftSettings: strict),
        .testTarget(name: "SecretRedactionTests", dependencies: ["SecretRedaction"], swiftSettings: strict),
        .testTarget(name: "WSProtocolTests", dependencies: ["WSProtocol", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "WSDeflateTests", dependencies: ["WSDeflate", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "TLSOpenSSLTests",
            dependencies: ["TLSOpenSSL", "TestSupport", nioEmbedded, nioPosix],
            swiftSettings: strict
        ),
        .testTarget(
            name: "WSTransportTests",
            dependencies: ["WSTransport", "ResultCodes", "TestSupport", nioEmbedded, nioPosix],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ALBEmulatorTests",
            dependencies: ["ALBEmulator", "WSTransport", "Scenario", "WSProtocol", "TestSupport", nioCore, nioPosix],
            swiftSettings: strict
        ),
        .testTarget(name: "LoadMetricsTests", dependencies: ["LoadMetrics"], swiftSettings: strict),
        .testTarget(
            name: "ScenarioTests",
            dependencies: ["Scenario", "SecretRedaction", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RunResultsTests",
            dependencies: ["RunResults", "LoadMetrics", "Scenario", "SecretRedaction"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["Reports", "RunResults", "LoadMetrics", "Scenario", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "LoadRunnerTests",
            dependencies: ["LoadRunner", "RunResults", "WSTransport", "WSProtocol", "ResultCodes", nioCore, nioPosix],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ProbesTests",
            dependencies: [
                "Probes", "WSTransport", "WSProtocol", "Scenario", "LoadMetrics", "RunResults", "Reports",
                "TestSupport", nioCore, nioPosix,
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ALBConfigTests",
            dependencies: ["ALBConfig", "Scenario"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "wsprobeTests",
            dependencies: ["wsprobe", "ResultCodes", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "InteropTests",
            dependencies: ["WSTransport", "LoadRunner", "Probes", "RunResults", "Reports", "ResultCodes", "TestSupport", nioPosix],
            swiftSettings: strict
        ),
    ]
)

// MARK: - Fuzzing and benchmarks (opt-in; see scripts/fuzz.sh and scripts/bench-micro.sh)

/// The fuzz harness: the code paths the fuzz targets drive, with their seed inputs. Always built (it is small),
/// because the fuzz regression tests in WSProtocolTests run the committed crash inputs through it.
package.targets.append(
    .target(name: "WSFuzzHarness", dependencies: ["WSProtocol", "WSDeflate", nioCore], path: "Fuzz/Harness",
            swiftSettings: strict)
)
if let protocolTests = package.targets.first(where: { $0.name == "WSProtocolTests" }) {
    protocolTests.dependencies.append("WSFuzzHarness")
    protocolTests.exclude.append("FuzzRegressions")
}

/// libFuzzer executables, one per `FuzzTarget`: only with WSPROBE_FUZZ set, built with
/// `-sanitize=fuzzer,address` by scripts/fuzz.sh in its own scratch path.
if ProcessInfo.processInfo.environment["WSPROBE_FUZZ"] != nil {
    package.targets.append(
        .target(name: "WSFuzzDriver", dependencies: ["WSFuzzHarness"], path: "Fuzz/Driver", swiftSettings: strict)
    )
    for name in ["FuzzClientHandshake", "FuzzClientConnection", "FuzzServerHandshake", "FuzzInflater"] {
        package.targets.append(
            .executableTarget(
                name: name,
                dependencies: ["WSFuzzDriver", "WSFuzzHarness"],
                path: "Fuzz/Targets/\(name)",
                swiftSettings: strict
            )
        )
        package.products.append(.executable(name: name, targets: [name]))
    }
}

/// package-benchmark micro-benchmarks of the protocol core: only with WSPROBE_BENCHMARKS set (they pull in
/// ordo-one/benchmark); run by scripts/bench-micro.sh in its own scratch path.
if ProcessInfo.processInfo.environment["WSPROBE_BENCHMARKS"] != nil {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"])
    )
    package.targets.append(
        .executableTarget(
            name: "WSProtocolBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"), "WSProtocol", "WSDeflate", nioCore,
            ],
            path: "Benchmarks/WSProtocolBenchmarks",
            swiftSettings: strict,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    )
}
