/// The code paths fuzzed by libFuzzer, shared by the fuzz executables and the regression tests.
///
/// Each case feeds arbitrary bytes to one part of the protocol core. A crash, a sanitizer report or a failed
/// invariant (`precondition`) is a bug; errors thrown for bad input are the expected outcome. The raw value
/// is the folder name under `Fuzz/Corpus/` and `Tests/WSProtocolTests/FuzzRegressions/`.
package enum FuzzTarget: String, CaseIterable, Sendable {
    /// `ClientHandshake` (response parser, RFC 6455 §4.1 validation, body excerpt) and the RFC 7692
    /// negotiation of the accepted extensions.
    case clientHandshake = "client-handshake"
    /// A client-role `ConnectionStateMachine` (frame parser, reassembly, UTF-8, control frames, closing),
    /// with or without permessage-deflate.
    case clientConnection = "client-connection"
    /// The server-role `UpgradeRequestParser`, `ClientUpgradeOffer` and `DeflateServerPolicy`.
    case serverHandshake = "server-handshake"
    /// The permessage-deflate `Inflater` alone, with small output limits.
    case inflater

    /// Runs one input through this target's code path.
    package func run(_ bytes: [UInt8]) {
        switch self {
        case .clientHandshake: ClientHandshakeFuzz.run(bytes)
        case .clientConnection: ClientConnectionFuzz.run(bytes)
        case .serverHandshake: ServerHandshakeFuzz.run(bytes)
        case .inflater: InflaterFuzz.run(bytes)
        }
    }

    /// Valid inputs that reach deep into the code path: the fuzzer's starting corpus.
    package var seeds: [[UInt8]] {
        switch self {
        case .clientHandshake: ClientHandshakeFuzz.seeds
        case .clientConnection: ClientConnectionFuzz.seeds
        case .serverHandshake: ServerHandshakeFuzz.seeds
        case .inflater: InflaterFuzz.seeds
        }
    }
}
