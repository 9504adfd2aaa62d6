package import ResultCodes

/// The phases of opening and using a WebSocket, in order; each has its own timeout and timestamp. One
/// vocabulary with every code and report: the `Phase` of ResultCodes (docs/codes.md).
package typealias ConnectionPhase = Phase
