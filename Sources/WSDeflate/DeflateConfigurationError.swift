package import ResultCodes

/// A permessage-deflate setting this endpoint cannot use, or a zlib stream that could not be created.
///
/// These come from configuration (scenario files, command-line flags) or the machine, never from the peer.
package enum DeflateConfigurationError: Error, Equatable, Sendable {
    /// A window size outside what RFC 7692 §7.1.2 allows (8-15) for the named parameter.
    case windowBitsOutOfRange(parameter: String, value: Int)
    /// A window size of 8 for our own compressor: zlib rejects raw deflate with an 8-bit window (zlib.h,
    /// deflateInit2), so it can neither be offered as `client_max_window_bits` nor used to compress.
    case windowBitsUnsupported(parameter: String, value: Int)
    /// A compression level outside zlib's -1...9 or a memory level outside 1...9.
    case levelOutOfRange(name: String, value: Int)
    /// `deflateInit2` or `inflateInit2` failed (usually `Z_MEM_ERROR`).
    case zlibInitFailed(function: String, code: Int32)

    /// The stable, dotted identifier of this failure.
    package var code: String { self.errorCode.rawValue }

    /// The failure's entry in the code catalogue (docs/codes.md).
    package var errorCode: ErrorCode {
        switch self {
        case .windowBitsOutOfRange: .deflateConfigWindowBitsRange
        case .windowBitsUnsupported: .deflateConfigWindowBitsUnsupported
        case .levelOutOfRange: .deflateConfigLevelRange
        case .zlibInitFailed: .deflateZlibInitFailed
        }
    }
}

extension DeflateConfigurationError: CustomStringConvertible {
    /// A diagnosis for a person.
    package var description: String {
        switch self {
        case .windowBitsOutOfRange(let parameter, let value):
            "\(parameter)=\(value) is outside 8-15, the range RFC 7692 §7.1.2 allows."
        case .windowBitsUnsupported(let parameter, let value):
            "\(parameter)=\(value) cannot be used: zlib cannot compress raw deflate with an \(value)-bit window; "
                + "use 9 or more."
        case .levelOutOfRange(let name, let value):
            "The \(name) \(value) is outside what zlib accepts."
        case .zlibInitFailed(let function, let code):
            "zlib's \(function) failed with code \(code) (out of memory?)."
        }
    }
}
