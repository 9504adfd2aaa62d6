/// The version wsprobe reports in `--version` and in every report.
enum WSProbeVersion {
    static let current = "0.1.0"
}
